// Fair grading under a flood, at the door and in the claim: per-user limits on attempts waiting or
// running and on submissions a minute (429 + Retry-After), a global queue cap (503 + Retry-After),
// exact under concurrent posts; and claiming that takes the next job from the user with the fewest
// jobs being graded. Real Postgres; grades here are fixed results.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { QueueFullError, type AttemptLimits } from '@/server/attempts/attempt-limits';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { TooManyRequestsError } from '@/server/errors';
import { claimJob } from '@/server/grading-jobs/claim-job';
import { recordGrade } from '@/server/grading-jobs/record-grade';
import { errorResponse } from '@/server/http';
import { resetDatabase } from '../../support/reset-database';

type Actor = { id: string; role: 'CANDIDATE' };
let questionId: string;
let users: Actor[];

const DEFAULTS: AttemptLimits = { maxPendingPerUser: 3, maxPerUserPerMinute: 20, maxQueueDepth: 200 };
const submit = (actor: Actor, answer = 'an answer', limits: AttemptLimits = DEFAULTS) => createAttempt({ actor, input: { questionId, answer }, limits });
const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);
const passed: GradeResult = { status: 'passed', score: 100, message: 'ok', tests: [], advice: [], gradedVersion: 'rubric:t@1', durationMs: 1 };

beforeEach(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  const question = await prisma.question.create({
    data: { slug: 'q', topicId: topic.id, prompt: 'Explain.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' },
    select: { id: true },
  });
  questionId = question.id;
  await prisma.questionVersion.create({ data: { questionId, version: 1, rubric: { concepts: [] }, publishedAt: new Date() } });
  const rows = await prisma.user.createManyAndReturn({
    data: ['alice', 'bob', 'carol'].map((name) => ({ email: `${name}@example.com` })),
    select: { id: true },
  });
  users = rows.map((r) => ({ id: r.id, role: 'CANDIDATE' as const }));
});

describe('per-user limit on attempts waiting or running', () => {
  it('refuses the fourth with 429, Retry-After and a message the page can show; stores nothing; frees up once one is graded', async () => {
    const [alice, bob] = users as [Actor, Actor];
    for (let i = 0; i < 3; i++) await submit(alice, `answer ${i}`);
    const error = await rejection(submit(alice, 'one too many'));
    expect(error).toBeInstanceOf(TooManyRequestsError);
    const response = errorResponse(error);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await response.json()).error).toMatch(/already have 3 answers waiting to be graded.*Wait for one to finish/);
    expect(await prisma.attempt.count({ where: { userId: alice.id } })).toBe(3);
    // Someone else is not affected.
    await submit(bob);

    const job = await claimJob({ workerId: 'w', leaseMs: 30_000 });
    expect(await recordGrade({ lease: { jobId: job!.jobId, workerId: 'w', tries: job!.tries }, result: passed })).toMatchObject({ recorded: true });
    await submit(alice, 'room again');
  });

  it('holds under ten concurrent posts by the same user: never more than the limit, every refusal a 429', async () => {
    const [alice] = users as [Actor];
    const burst = () => Promise.allSettled(Array.from({ length: 10 }, (_, i) => submit(alice, `burst ${i}`)));
    for (let round = 0; round < 3; round++) {
      const outcomes = await burst();
      const accepted = outcomes.filter((o) => o.status === 'fulfilled').length;
      expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof TooManyRequestsError)).toHaveLength(10 - accepted);
      expect(await prisma.attempt.count()).toBeLessThanOrEqual(3);
    }
    // Posts one after another fill the remaining room exactly.
    for (let i = await prisma.attempt.count(); i < 3; i++) await submit(alice, `calm ${i}`);
    await expect(submit(alice, 'one too many')).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(await prisma.attempt.count()).toBe(3);
    expect(await prisma.gradingJob.count()).toBe(3);
  });
});

describe('per-user submission rate', () => {
  it('refuses beyond the limit a minute with 429 and the seconds until a slot frees', async () => {
    const [alice] = users as [Actor];
    const limits = { ...DEFAULTS, maxPendingPerUser: 100, maxPerUserPerMinute: 2 };
    await submit(alice, 'one', limits);
    await submit(alice, 'two', limits);
    const error = await rejection(submit(alice, 'three', limits));
    expect(error).toBeInstanceOf(TooManyRequestsError);
    const seconds = (error as TooManyRequestsError).retryAfterSeconds;
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect((error as Error).message).toMatch(new RegExp(`submitted 2 answers in the last minute.*Try again in ${seconds} second`));
    // Attempts older than a minute do not count.
    await prisma.attempt.updateMany({ where: { userId: alice.id }, data: { createdAt: new Date(Date.now() - 61_000) } });
    await submit(alice, 'three, later', limits);
  });
});

describe('global queue cap', () => {
  it('refuses everyone with 503 and Retry-After once the queue holds the cap', async () => {
    const [alice, bob, carol] = users as [Actor, Actor, Actor];
    const limits = { ...DEFAULTS, maxQueueDepth: 2 };
    await submit(alice, 'a', limits);
    await submit(bob, 'b', limits);
    const error = await rejection(submit(carol, 'c', limits));
    expect(error).toBeInstanceOf(QueueFullError);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await response.json()).error).toMatch(/Grading is very busy right now/);
    expect(await prisma.attempt.count({ where: { userId: carol.id } })).toBe(0);
  });
});

describe('claiming is fair across users', () => {
  it('takes the next job from the user with the fewest jobs being graded, then the oldest', async () => {
    const [alice, bob, carol] = users as [Actor, Actor, Actor];
    const a = [await submit(alice, 'a1'), await submit(alice, 'a2'), await submit(alice, 'a3')];
    const b = await submit(bob, 'b1');
    const c = await submit(carol, 'c1');
    const order: string[] = [];
    for (let job = await claimJob({ workerId: 'w', leaseMs: 30_000 }); job; job = await claimJob({ workerId: 'w', leaseMs: 30_000 })) {
      order.push(job.attemptId);
    }
    // FIFO would give a1, a2, a3, b1, c1.
    expect(order).toEqual([a[0]!.id, b.id, c.id, a[1]!.id, a[2]!.id]);
  });

  it('serves the user served least recently first when nobody is being graded (one slot: round-robin)', async () => {
    const [alice, bob] = users as [Actor, Actor];
    const a = [await submit(alice, 'a1'), await submit(alice, 'a2'), await submit(alice, 'a3')];
    const b = [await submit(bob, 'b1'), await submit(bob, 'b2')];
    const order: string[] = [];
    // One worker slot: each job is finished before the next is claimed.
    for (let job = await claimJob({ workerId: 'w', leaseMs: 30_000 }); job; job = await claimJob({ workerId: 'w', leaseMs: 30_000 })) {
      order.push(job.attemptId);
      await recordGrade({ lease: { jobId: job.jobId, workerId: 'w', tries: job.tries }, result: passed });
    }
    expect(order).toEqual([a[0]!.id, b[0]!.id, a[1]!.id, b[1]!.id, a[2]!.id]);
  });

  it('does not count a claim whose lease expired as being graded', async () => {
    const [alice, bob] = users as [Actor, Actor];
    await submit(alice, 'a1');
    await claimJob({ workerId: 'alive', leaseMs: 30_000 });
    const b1 = await submit(bob, 'b1');
    await claimJob({ workerId: 'dead', leaseMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await submit(alice, 'a2');
    const b2 = await submit(bob, 'b2');
    // Alice has a live claim; Bob's only claim has expired, so Bob is not busy and goes first.
    expect([b1.id, b2.id]).toContain((await claimJob({ workerId: 'w', leaseMs: 30_000 }))?.attemptId);
  });
});
