// The practice count rule (src/lib/practice-rule.ts, README "Practice count rule"): a written
// answer under the minimum number of words is refused with a 400 and not stored; a code answer
// counts only once it ran and passed something; the count stays exact when graders race.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { countsAsPractice, countWords, describeTooShortAnswer, MIN_WRITTEN_ANSWER_WORDS } from '@/lib/practice-rule';
import { createAttempt } from '@/server/attempts/create-attempt';
import { submitAnswer } from '@/server/attempts/submit-answer';
import { prisma } from '@/server/db';
import { BadRequestError } from '@/server/errors';
import { claimJob } from '@/server/grading-jobs/claim-job';
import { recordGrade } from '@/server/grading-jobs/record-grade';
import { errorResponse } from '@/server/http';
import { resetDatabase } from '../../support/reset-database';

const questions = { written: '', bash: '' };
const users: { id: string; role: 'CANDIDATE' }[] = [];

const grade = (status: GradeResult['status'], score: number): GradeResult => ({
  status,
  score,
  message: status,
  tests: [],
  advice: [],
  gradedVersion: 'harness:test@1',
  durationMs: 1,
});

async function gradeNext(result: GradeResult) {
  const job = await claimJob({ workerId: 'test', leaseMs: 30_000 });
  return recordGrade({ lease: { jobId: job!.jobId, workerId: job!.workerId, tries: job!.tries }, result });
}

const practiced = async (questionId: string) =>
  (await prisma.question.findUniqueOrThrow({ where: { id: questionId }, select: { practicedByUsers: true } })).practicedByUsers;

beforeEach(async () => {
  await resetDatabase();
  users.length = 0;
  for (let i = 0; i < 6; i += 1) {
    const { id } = await prisma.user.create({ data: { email: `u${i}@example.com` }, select: { id: true } });
    users.push({ id, role: 'CANDIDATE' });
  }
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Ops.' }, select: { id: true } });
  for (const kind of ['written', 'bash'] as const) {
    const q = await prisma.question.create({
      data: { slug: kind, topicId: topic.id, prompt: kind, difficulty: 'EASY', type: 'TECHNICAL', answerKind: kind === 'written' ? 'WRITTEN' : 'BASH' },
      select: { id: true },
    });
    questions[kind] = q.id;
  }
});

describe('the minimum length of a written answer', () => {
  it('counts words with a letter or digit, not punctuation or Markdown bullets', () => {
    expect(countWords('- - - **')).toBe(0);
    expect(countWords('  Canary: 5% of traffic.\n- roll back  ')).toBe(6);
    expect(describeTooShortAnswer('BASH', 'x')).toBeNull();
    expect(describeTooShortAnswer('WRITTEN', 'word '.repeat(MIN_WRITTEN_ANSWER_WORDS))).toBeNull();
    expect(describeTooShortAnswer('WRITTEN', 'x')).toBe(
      `Your answer has 1 word; write at least ${MIN_WRITTEN_ANSWER_WORDS} so it can be graded — explain it as you would to an interviewer.`,
    );
  });

  it('refuses a throwaway written answer with a 400 that says why, and stores nothing', async () => {
    const error = await submitAnswer({ actor: users[0]!, input: { questionId: questions.written, answer: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    const response = errorResponse(error);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining(`at least ${MIN_WRITTEN_ANSWER_WORDS}`), fields: { answer: expect.any(String) } });
    expect(await prisma.attempt.count()).toBe(0);
    // Code has no minimum: a one-character script is graded (and then, see below, not counted).
    await expect(submitAnswer({ actor: users[0]!, input: { questionId: questions.bash, answer: 'x' } })).resolves.toMatchObject({ status: 'QUEUED' });
    await expect(submitAnswer({ actor: users[0]!, input: { questionId: questions.written, answer: 'word '.repeat(MIN_WRITTEN_ANSWER_WORDS) } })).resolves.toMatchObject({ status: 'QUEUED' });
  });
});

describe('which graded attempts count', () => {
  it('counts code only when it ran and passed something', async () => {
    const [a, b, c] = users;
    await createAttempt({ actor: a!, input: { questionId: questions.bash, answer: 'x' } });
    expect(await gradeNext(grade('error', 0))).toEqual({ recorded: true, counted: false });
    await createAttempt({ actor: b!, input: { questionId: questions.bash, answer: 'true' } });
    expect(await gradeNext(grade('failed', 0))).toEqual({ recorded: true, counted: false });
    await createAttempt({ actor: c!, input: { questionId: questions.bash, answer: 'docker pull "$1"' } });
    expect(await gradeNext(grade('failed', 20))).toEqual({ recorded: true, counted: true });
    await createAttempt({ actor: a!, input: { questionId: questions.bash, answer: 'a real deploy' } });
    expect(await gradeNext(grade('passed', 100))).toEqual({ recorded: true, counted: true });
    expect(await practiced(questions.bash)).toBe(2);
  });

  it('is the rule the result page states (countsAsPractice), for each kind of outcome', async () => {
    const STATUS = { passed: 'PASSED', failed: 'FAILED', error: 'ERROR', infra_error: 'INFRA_ERROR' } as const;
    const cases = [
      ['bash', 'error', 0],
      ['bash', 'failed', 0],
      ['bash', 'failed', 20],
      ['bash', 'infra_error', 0],
      ['written', 'failed', 0],
      ['written', 'infra_error', 0],
    ] as const;
    for (const [i, [kind, status, score]] of cases.entries()) {
      // Each case a first attempt by its own candidate, so only the rule decides.
      const { id } = await prisma.user.create({ data: { email: `case${i}@example.com` }, select: { id: true } });
      await createAttempt({ actor: { id, role: 'CANDIDATE' }, input: { questionId: questions[kind], answer: 'word '.repeat(MIN_WRITTEN_ANSWER_WORDS) } });
      const { counted } = await gradeNext(grade(status, score));
      const stated = countsAsPractice({ answerKind: kind === 'written' ? 'WRITTEN' : 'BASH', status: STATUS[status], score: status === 'infra_error' ? null : score });
      expect({ kind, status, score, counted }).toEqual({ kind, status, score, counted: stated });
    }
  });

  it('counts each candidate once, exactly, when their attempts are graded at the same time', async () => {
    for (const user of users) {
      for (let i = 0; i < 3; i += 1) await createAttempt({ actor: user, input: { questionId: questions.written, answer: `answer ${i}` } });
    }
    const jobs = await Promise.all(Array.from({ length: 18 }, (_, i) => claimJob({ workerId: `w${i}`, leaseMs: 30_000 })));
    await Promise.all(jobs.map((job) => recordGrade({ lease: { jobId: job!.jobId, workerId: job!.workerId, tries: job!.tries }, result: grade('failed', 30) })));
    expect(await practiced(questions.written)).toBe(users.length);
    expect(await prisma.questionPractice.count()).toBe(users.length);
  });
});
