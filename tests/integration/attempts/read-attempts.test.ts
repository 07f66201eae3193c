// Reading one's own attempts: owner only (everyone else gets the 404 of a missing id), the model
// answer only once graded, history newest first, and recall ratings on graded attempts only.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { createAttempt } from '@/server/attempts/create-attempt';
import { getAttempt } from '@/server/attempts/get-attempt';
import { listAttempts } from '@/server/attempts/list-attempts';
import { revealModelAnswer } from '@/server/attempts/reveal-model-answer';
import { saveRecall } from '@/server/attempts/save-recall';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { prisma } from '@/server/db';
import { requireDatabaseUrl } from '@/server/env';
import { NotFoundError, UnprocessableError } from '@/server/errors';
import { errorResponse } from '@/server/http';
import { readPracticeState } from '@/server/questions/read-practice-state';
import { claimJob } from '@/server/grading-jobs/claim-job';
import { recordGrade } from '@/server/grading-jobs/record-grade';
import { resetDatabase } from '../../support/reset-database';

type Actor = { id: string; role: 'CANDIDATE' | 'ADMIN' };
let owner: Actor;
let other: Actor;
let admin: Actor;
let questionId: string;

const result: GradeResult = {
  status: 'failed',
  score: 55,
  message: 'Covered 3 of 6 concepts.',
  tests: [
    { name: 'Routes a small share of traffic', status: 'pass', message: '', concept: 'traffic-split', weight: 2 },
    { name: 'Automated rollback', status: 'fail', message: 'Say how you roll back.', concept: 'rollback', weight: 2 },
  ],
  advice: [],
  gradedVersion: 'rubric:canary@1',
  durationMs: 4,
};

async function gradeNext(grade: GradeResult = result) {
  const job = await claimJob({ workerId: 'test', leaseMs: 30_000 });
  await recordGrade({ lease: { jobId: job!.jobId, workerId: job!.workerId, tries: job!.tries }, result: grade });
}

beforeEach(async () => {
  await resetDatabase();
  const actor = async (email: string, role: Actor['role']) => {
    const { id } = await prisma.user.create({ data: { email, role }, select: { id: true } });
    return { id, role };
  };
  owner = await actor('owner@example.com', 'CANDIDATE');
  other = await actor('other@example.com', 'CANDIDATE');
  admin = await actor('admin@example.com', 'ADMIN');
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  ({ id: questionId } = await prisma.question.create({
    data: { slug: 'canary', topicId: topic.id, prompt: 'Explain canaries.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' },
    select: { id: true },
  }));
  await prisma.questionVersion.create({
    data: { questionId, version: 1, rubric: {}, modelAnswer: 'Send 5% of traffic to the canary…', publishedAt: new Date() },
  });
});

describe('getAttempt', () => {
  it('shows the owner a queued attempt, then the grade; the model answer only once they asked for it', async () => {
    const { id } = await createAttempt({ actor: owner, input: { questionId, answer: 'My answer.' } });
    const queued = await getAttempt({ actor: owner, input: { id } });
    expect(queued).toMatchObject({ id, questionId, status: 'QUEUED', answer: 'My answer.', score: null, result: null, questionVersion: 1, modelAnswer: null, gradedAt: null });

    await gradeNext();
    const graded = await getAttempt({ actor: owner, input: { id } });
    expect(graded.pendingForMs).toBeNull();
    expect(graded).toMatchObject({ status: 'FAILED', score: 55, gradedVersion: 'rubric:canary@1', modelAnswer: null, question: { slug: 'canary', prompt: 'Explain canaries.' } });
    await revealModelAnswer({ actor: owner, input: { questionId } });
    expect(await getAttempt({ actor: owner, input: { id } })).toMatchObject({ modelAnswer: 'Send 5% of traffic to the canary…' });
    expect(graded.result?.tests.map((t) => [t.concept, t.status])).toEqual([['traffic-split', 'pass'], ['rollback', 'fail']]);
    expect(graded.startedAt).toBeInstanceOf(Date);
    expect(graded.gradedAt).toBeInstanceOf(Date);
  });

  it('says how long a waiting attempt has waited, by the server clock, and since when a running one has been graded', async () => {
    const { id } = await createAttempt({ actor: owner, input: { questionId, answer: 'My answer.' } });
    // As if it had been queued 40 s ago (a busy grading host).
    await prisma.attempt.update({ where: { id }, data: { createdAt: new Date(Date.now() - 40_000) } });
    const queued = await getAttempt({ actor: owner, input: { id } });
    expect(queued.pendingForMs).toBeGreaterThanOrEqual(40_000);
    expect(queued.pendingForMs).toBeLessThan(60_000);

    await claimJob({ workerId: 'test', leaseMs: 30_000 });
    const running = await getAttempt({ actor: owner, input: { id } });
    expect(running.status).toBe('RUNNING');
    // Since the claim, not since the submit.
    expect(running.pendingForMs).toBeGreaterThanOrEqual(0);
    expect(running.pendingForMs).toBeLessThan(10_000);

    // A timestamp a little ahead of this host's clock (another host's database) is not a negative wait.
    await prisma.attempt.update({ where: { id }, data: { startedAt: new Date(Date.now() + 5_000) } });
    expect((await getAttempt({ actor: owner, input: { id } })).pendingForMs).toBe(0);
  });

  it("shows the model answer for the owner's own reveal only, not another candidate's", async () => {
    const { id } = await createAttempt({ actor: owner, input: { questionId, answer: 'My answer.' } });
    await gradeNext();
    const { id: othersId } = await createAttempt({ actor: other, input: { questionId, answer: 'Theirs.' } });
    await gradeNext();
    await revealModelAnswer({ actor: other, input: { questionId } });
    expect(await getAttempt({ actor: owner, input: { id } })).toMatchObject({ modelAnswer: null });
    expect(await getAttempt({ actor: other, input: { id: othersId } })).toMatchObject({ modelAnswer: 'Send 5% of traffic to the canary…' });
  });

  // A long-poll reads the attempt twice (when it starts and when the grade lands), and the second
  // read is on the path to the candidate's result: one round trip, not one per relation.
  it('reads the attempt, its question, version, re-grades and reveal in one query', async () => {
    const { id } = await createAttempt({ actor: owner, input: { questionId, answer: 'My answer.' } });
    await gradeNext();
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }), log: [{ emit: 'event', level: 'query' }] });
    try {
      const queries: string[] = [];
      counted.$on('query', (event) => queries.push(event.query));
      const attempt = await getAttempt({ actor: owner, input: { id } }, counted);
      expect(attempt).toMatchObject({ id, status: 'FAILED', question: { slug: 'canary' }, questionVersion: 1, regrades: [] });
      expect(queries).toHaveLength(1);
    } finally {
      await counted.$disconnect();
    }
  });

  it('keeps the model answer back when grading failed on our side', async () => {
    const { id } = await createAttempt({ actor: owner, input: { questionId, answer: 'My answer.' } });
    await gradeNext({ ...result, status: 'infra_error', score: 0 });
    expect(await getAttempt({ actor: owner, input: { id } })).toMatchObject({ status: 'INFRA_ERROR', modelAnswer: null });
  });

  it('answers 404, never 403, to anyone but the owner — admins included — exactly as for a missing id', async () => {
    const { id } = await createAttempt({ actor: owner, input: { questionId, answer: 'Private.' } });
    const missing = '00000000-0000-4000-8000-000000000000';
    const errors = await Promise.all(
      [
        { actor: other, id },
        { actor: admin, id },
        { actor: owner, id: missing },
      ].map(({ actor, id: attemptId }) => getAttempt({ actor, input: { id: attemptId } }).catch((e: unknown) => e)),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect(errorResponse(error).status).toBe(404);
    }
    expect(new Set(errors.map((e) => (e as Error).message)).size).toBe(1);
  });
});

describe('revealModelAnswer', () => {
  it('refuses before a graded attempt, then records one reveal per candidate and question', async () => {
    const early = await revealModelAnswer({ actor: owner, input: { questionId } }).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(UnprocessableError);
    expect(errorResponse(early).status).toBe(422);
    expect(await prisma.answerReveal.count()).toBe(0);

    await createAttempt({ actor: owner, input: { questionId, answer: 'My answer.' } });
    await gradeNext();
    expect(await readPracticeState({ actor: owner, input: { questionId } })).toMatchObject({ canRevealModelAnswer: true, modelAnswer: null });
    const first = await revealModelAnswer({ actor: owner, input: { questionId } });
    const again = await revealModelAnswer({ actor: owner, input: { questionId } });
    expect(first.modelAnswer).toBe('Send 5% of traffic to the canary…');
    expect(again.revealedAt).toEqual(first.revealedAt);
    expect(await prisma.answerReveal.findMany({ select: { userId: true, questionId: true } })).toEqual([{ userId: owner.id, questionId }]);
    expect(await readPracticeState({ actor: owner, input: { questionId } })).toMatchObject({ modelAnswer: 'Send 5% of traffic to the canary…' });
    // Someone else's reveal is not yours.
    expect(await readPracticeState({ actor: other, input: { questionId } })).toMatchObject({ canRevealModelAnswer: false, modelAnswer: null });
  });
});

describe('listAttempts', () => {
  it('lists only the caller’s own attempts on the question, newest first', async () => {
    const mine = [];
    for (const answer of ['first', 'second', 'third']) {
      mine.push((await createAttempt({ actor: owner, input: { questionId, answer } })).id);
      // Distinct millisecond timestamps, so "newest first" is unambiguous.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await createAttempt({ actor: other, input: { questionId, answer: 'someone else' } });
    await gradeNext();

    const listed = await listAttempts({ actor: owner, input: { questionId } });
    expect(listed.map((a) => a.id)).toEqual([...mine].reverse());
    expect(listed[2]).toMatchObject({ status: 'FAILED', score: 55, gradedVersion: 'rubric:canary@1' });
    expect(Object.keys(listed[0]!).sort()).toEqual(['createdAt', 'gradedAt', 'gradedVersion', 'id', 'number', 'recall', 'regrades', 'score', 'status']);
    expect(listed.map((a) => a.number)).toEqual([3, 2, 1]);
    // Never re-graded (docs/decisions/016).
    expect(listed[0]!.regrades).toEqual([]);
    expect(await listAttempts({ actor: admin, input: { questionId } })).toEqual([]);
  });

  // With 52 attempts the history shows the latest 50; numbered by position the newest read
  // "Attempt 50". Two attempts share the oldest shown timestamp, so the tie is counted by id too.
  it('numbers each attempt by its ordinal among all of them when only the latest are listed', async () => {
    const start = Date.parse('2026-12-01T00:00:00Z');
    const at = (n: number) => new Date(start + Math.max(n, 3) * 1000);
    await prisma.attempt.createMany({
      data: Array.from({ length: 52 }, (_, n) => ({ userId: owner.id, questionId, answerKind: 'WRITTEN' as const, answer: `answer ${n + 1}`, createdAt: at(n) })),
    });
    await prisma.attempt.create({ data: { userId: other.id, questionId, answerKind: 'WRITTEN', answer: 'someone else', createdAt: at(0) } });

    const listed = await listAttempts({ actor: owner, input: { questionId } });
    expect(listed).toHaveLength(50);
    expect(listed.map((a) => a.number)).toEqual(Array.from({ length: 50 }, (_, i) => 52 - i));
    const state = await readPracticeState({ actor: owner, input: { questionId } });
    expect(state.attempts[0]!.number).toBe(52);
  });
});

describe('saveRecall', () => {
  it('saves a rating on the owner’s graded attempt only', async () => {
    const { id } = await createAttempt({ actor: owner, input: { questionId, answer: 'x' } });
    const early = await saveRecall({ actor: owner, input: { id, recall: 'GOOD' } }).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(UnprocessableError);
    expect(errorResponse(early).status).toBe(422);

    await gradeNext();
    const stranger = await saveRecall({ actor: other, input: { id, recall: 'EASY' } }).catch((e: unknown) => e);
    expect(stranger).toBeInstanceOf(NotFoundError);

    expect(await saveRecall({ actor: owner, input: { id, recall: 'HARD' } })).toEqual({ id, recall: 'HARD' });
    expect((await getAttempt({ actor: owner, input: { id } })).recall).toBe('HARD');
    await expect(saveRecall({ actor: owner, input: { id, recall: 'MAYBE' as 'GOOD' } })).rejects.toThrow('Rate your recall as AGAIN, HARD, GOOD or EASY.');
  });
});
