// Spaced review on a fixed clock: FSRS schedules from recall ratings tempered by scores, a missed
// concept pulls other questions that practise it forward, and the queue lists what is due today.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { prisma } from '@/server/db';
import { listDueReviews } from '@/server/review/list-due-reviews';
import { nextCard, ratingFor } from '@/server/review/next-card';
import { recordReview } from '@/server/review/record-review';
import { resetDatabase } from '../../support/reset-database';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
let user: { id: string };
const q: Record<string, string> = {};

const result = (tests: [string, 'pass' | 'fail'][]): GradeResult => ({
  status: 'failed',
  score: 60,
  message: '',
  tests: tests.map(([concept, status]) => ({ name: `Concept ${concept}`, status, message: '', concept })),
  advice: [],
  gradedVersion: 'rubric:x@1',
  durationMs: 1,
});

async function rated(slug: string, recall: 'AGAIN' | 'HARD' | 'GOOD' | 'EASY', score: number, grade: GradeResult, now = NOW) {
  const attempt = await prisma.attempt.create({
    data: { userId: user.id, questionId: q[slug]!, answerKind: 'WRITTEN', answer: 'a', status: 'FAILED', score, result: grade, recall },
    select: { id: true },
  });
  return recordReview({ actor: user, input: { attemptId: attempt.id }, now });
}

beforeEach(async () => {
  await resetDatabase();
  user = await prisma.user.create({ data: { email: 'reviewer@example.com' }, select: { id: true } });
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Ops.' }, select: { id: true } });
  for (const slug of ['canary', 'flags', 'ci']) {
    q[slug] = (await prisma.question.create({ data: { slug, topicId: topic.id, prompt: `About ${slug}`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' }, select: { id: true } })).id;
  }
});

describe('the FSRS schedule (fixed clock, no fuzz)', () => {
  it('pins the first intervals for each rating of a new card', () => {
    const due = (rating: 'AGAIN' | 'HARD' | 'GOOD' | 'EASY') => nextCard(null, rating, NOW).due;
    expect(due('AGAIN')).toBe(later(60_000).toISOString());
    expect(due('HARD')).toBe(later(6 * 60_000).toISOString());
    expect(due('GOOD')).toBe(later(10 * 60_000).toISOString());
    expect(due('EASY')).toBe('2026-12-08T09:00:00.000Z');
  });

  it('grows the interval with each Good review', () => {
    let card = nextCard(null, 'GOOD', NOW);
    card = nextCard(card, 'GOOD', new Date(card.due));
    expect(card.due).toBe('2026-12-02T09:10:00.000Z');
    card = nextCard(card, 'GOOD', new Date(card.due));
    expect(card.due).toBe('2026-12-13T09:10:00.000Z');
  });

  it('tempers the candidate’s rating with the score', () => {
    expect(ratingFor('EASY', 90)).toBe('EASY');
    expect(ratingFor('EASY', 40)).toBe('HARD');
    expect(ratingFor('AGAIN', 40)).toBe('AGAIN');
    expect(ratingFor('GOOD', 0)).toBe('AGAIN');
    expect(ratingFor('GOOD', null)).toBe('AGAIN');
  });
});

describe('recordReview and the queue', () => {
  it('queues what is due today and pulls forward questions that practise a concept just missed', async () => {
    // Easy on two questions that both practise "rollback": not due for days.
    await rated('canary', 'EASY', 90, result([['rollback', 'pass'], ['metrics', 'pass']]));
    await rated('flags', 'EASY', 90, result([['rollback', 'pass'], ['toggles', 'pass']]));
    expect((await listDueReviews({ actor: user, now: NOW })).due).toEqual([]);

    // Then "rollback" is missed in a third question: the other two come back today.
    const outcome = await rated('ci', 'GOOD', 60, result([['rollback', 'fail'], ['pipelines', 'pass']]), later(60 * 60_000));
    expect(outcome.pulledForward).toBe(2);
    const queue = await listDueReviews({ actor: user, now: later(60 * 60_000) });
    expect(queue.due.map((r) => r.slug).sort()).toEqual(['canary', 'ci', 'flags']);
    expect(queue.due.find((r) => r.slug === 'canary')?.pulledForwardBy).toBe('You missed “Concept rollback” in “About ci”');

    // A concept that was covered pulls nothing forward.
    await rated('canary', 'EASY', 95, result([['rollback', 'pass']]), later(2 * 60 * 60_000));
    expect((await listDueReviews({ actor: user, now: later(2 * 60 * 60_000) })).due.map((r) => r.slug).sort()).toEqual(['ci', 'flags']);
  });
});
