// Progress (per topic, per concept, streak, calendar), next/previous, export of one's own data,
// and deleting an account with its attempts anonymised so public counts stay right.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { ANONYMOUS_EMAIL_DOMAIN, deleteAccount } from '@/server/account/delete-account';
import { exportAccount } from '@/server/account/export-account';
import { prisma } from '@/server/db';
import { BadRequestError } from '@/server/errors';
import { countStreak, getProgress } from '@/server/progress/get-progress';
import { getQuestionNeighbours } from '@/server/progress/get-question-neighbours';
import { resetDatabase } from '../../support/reset-database';

const NOW = new Date('2026-11-30T12:00:00Z');
const day = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000);
let user: { id: string };
const q: Record<string, string> = {};

const result = (tests: [string, 'pass' | 'fail', string?, 'partial'?][]): GradeResult => ({
  status: 'failed',
  score: 50,
  message: '',
  tests: tests.map(([name, status, concept, coverage]) => ({ name, status, message: '', ...(concept ? { concept } : {}), ...(coverage ? { coverage } : {}) })),
  advice: [],
  gradedVersion: 'rubric:x@1',
  durationMs: 1,
});

beforeEach(async () => {
  await resetDatabase();
  user = await prisma.user.create({ data: { email: 'me@example.com', passwordHash: 'hash' }, select: { id: true } });
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Ops.' }, select: { id: true } });
  for (const [i, slug] of ['first', 'second', 'third'].entries()) {
    q[slug] = (await prisma.question.create({ data: { slug, topicId: topic.id, position: i, prompt: `The ${slug} question`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', seededPracticeCount: 10 }, select: { id: true } })).id;
  }
  const attempt = (questionId: string, status: 'PASSED' | 'FAILED', createdAt: Date, grade: GradeResult) =>
    prisma.attempt.create({ data: { userId: user.id, questionId, answerKind: 'WRITTEN', answer: 'answer', status, score: grade.score, result: grade, createdAt } });
  // Older attempt on "first" missed rollback; the latest covered it.
  await attempt(q.first!, 'FAILED', day(3), result([['Rollback', 'fail', 'rollback'], ['Metrics', 'pass', 'metrics']]));
  await attempt(q.first!, 'PASSED', day(1), result([['Rollback', 'pass', 'rollback'], ['Metrics', 'pass', 'metrics']]));
  await attempt(q.second!, 'FAILED', day(0), result([['Rollback', 'fail', 'rollback'], ['when the pull fails', 'fail'], ['Blast radius', 'fail', 'blast-radius', 'partial']]));
  await prisma.questionPractice.createMany({ data: [{ userId: user.id, questionId: q.first! }, { userId: user.id, questionId: q.second! }] });
  await prisma.question.updateMany({ where: { id: { in: [q.first!, q.second!] } }, data: { practicedByUsers: 1 } });
});

describe('getProgress', () => {
  it('counts topics new/tried/passed and judges concepts on the latest graded attempt per question', async () => {
    const progress = await getProgress({ actor: user, now: NOW });
    expect(progress.topics).toEqual([{ slug: 'ops', name: 'Ops', total: 3, tried: 2, passed: 1 }]);
    // Weakest first; a concept partly said ranks above one missed.
    expect(progress.concepts.map((c) => [c.kind, c.name, c.covered, c.partly, c.seen])).toEqual([
      ['scenario', 'when the pull fails', 0, 0, 1],
      ['concept', 'Blast radius', 0, 1, 1],
      ['concept', 'Rollback', 1, 0, 2],
      ['concept', 'Metrics', 1, 0, 1],
    ]);
    // Linked by slug, named by the question's title (its prompt), not by the slug.
    expect(progress.concepts.find((c) => c.name === 'Rollback')!.questions).toEqual(
      expect.arrayContaining([{ slug: 'first', title: 'The first question' }, { slug: 'second', title: 'The second question' }]),
    );
    expect(progress.attempts).toBe(3);
    expect(progress.calendar).toHaveLength(84);
    expect(progress.calendar.at(-1)).toEqual({ day: '2026-11-30', attempts: 1 });
    expect(progress.calendar.at(-4)).toEqual({ day: '2026-11-27', attempts: 1 });
    // Today and yesterday, but not the day before: a streak of 2.
    expect(progress.streak).toBe(2);
  });

  it('keeps a streak alive until the end of the day after the last practice', () => {
    const days = new Set(['2026-11-28', '2026-11-29']);
    expect(countStreak(days, NOW)).toBe(2);
    expect(countStreak(days, new Date('2026-12-01T08:00:00Z'))).toBe(0);
  });

  it('finds the previous and next question in topic order', async () => {
    expect(await getQuestionNeighbours({ input: { questionId: q.second! } })).toEqual({
      previous: { slug: 'first', prompt: 'The first question' },
      next: { slug: 'third', prompt: 'The third question' },
    });
    expect((await getQuestionNeighbours({ input: { questionId: q.first! } })).previous).toBeNull();
  });
});

describe('exportAccount and deleteAccount', () => {
  it('exports every attempt with its answer and feedback, never the password hash', async () => {
    const data = await exportAccount({ actor: user });
    expect(data.account).toMatchObject({ email: 'me@example.com' });
    expect(data.attempts).toHaveLength(3);
    expect(data.attempts[0]).toMatchObject({ question: 'first', answer: 'answer', status: 'FAILED' });
    expect(JSON.stringify(data)).not.toContain('hash');
    expect(data.mockInterviews).toEqual([]);
  });

  it('exports mock interviews with their questions by slug and the answers kept ungraded', async () => {
    const topic = await prisma.topic.findFirstOrThrow({ select: { id: true } });
    const session = await prisma.mockSession.create({
      data: {
        userId: user.id,
        topicId: topic.id,
        questionIds: [q.first!, q.second!, q.third!],
        minutes: 30,
        endsAt: new Date(NOW.getTime() + 30 * 60_000),
        finishedAt: NOW,
        notGraded: [{ questionId: q.third!, answer: 'too short', reason: 'Write at least 20 words.' }],
      },
      select: { id: true },
    });
    await prisma.attempt.updateMany({ where: { questionId: q.second! }, data: { mockSessionId: session.id } });
    const data = await exportAccount({ actor: user });
    expect(data.mockInterviews).toEqual([
      expect.objectContaining({
        id: session.id,
        topic: 'ops',
        minutes: 30,
        questions: ['first', 'second', 'third'],
        notGraded: [{ question: 'third', answer: 'too short', reason: 'Write at least 20 words.' }],
      }),
    ]);
    expect(data.attempts.filter((a) => a.mockSessionId === session.id).map((a) => a.question)).toEqual(['second']);
  });

  it('refuses without the right email; then deletes the account and keeps anonymised attempts and the counts', async () => {
    const wrong = await deleteAccount({ actor: user, input: { confirm: 'someone@example.com' } }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(BadRequestError);
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(1);

    expect(await deleteAccount({ actor: user, input: { confirm: 'ME@example.com' } })).toEqual({ deleted: true, attemptsAnonymised: 3 });
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(0);
    expect(await prisma.user.count({ where: { email: 'me@example.com' } })).toBe(0);
    const placeholder = await prisma.user.findFirstOrThrow({ where: { email: { endsWith: `@${ANONYMOUS_EMAIL_DOMAIN}` } }, select: { id: true, name: true, passwordHash: true } });
    expect(placeholder).toMatchObject({ name: null, passwordHash: null });
    expect(await prisma.attempt.count({ where: { userId: placeholder.id } })).toBe(3);
    // Public counts: seeded 10 + 1 each, unchanged, and still backed by practice rows.
    const counts = await prisma.question.findMany({ orderBy: { position: 'asc' }, select: { practicedByUsers: true } });
    expect(counts.map((c) => c.practicedByUsers)).toEqual([1, 1, 0]);
    expect(await prisma.questionPractice.count({ where: { userId: placeholder.id } })).toBe(2);
  });
});
