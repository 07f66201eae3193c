// The grading queue against the real Postgres: claims, leases, exactly-once recording, retries
// with backoff, and exact practice counts under concurrency. Grades here are fixed results: these
// tests are about the queue around the grader, not the grader.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { requireDatabaseUrl } from '@/server/env';
import { loadAttemptMaterial } from '@/server/grading-jobs/attempt-material';
import { claimJob } from '@/server/grading-jobs/claim-job';
import { gradeAttempt } from '@/worker/grade-attempt';
import { recordGrade } from '@/server/grading-jobs/record-grade';
import { GAVE_UP_MESSAGE, retryJob } from '@/server/grading-jobs/retry-job';
import { MAX_TRIES, type ClaimedJob, type Lease } from '@/server/grading-jobs/schemas';
import { getQuestion } from '@/server/questions/get-question';
import { resetDatabase } from '../../support/reset-database';

const SEEDED = 39;
// These tests are about claims and records; the submission limits have their own (tests/integration/queue).
const UNLIMITED = { maxPendingPerUser: 1_000, maxPerUserPerMinute: 100_000, maxQueueDepth: 1_000_000 };

const grade = (status: GradeResult['status'], score = 70): GradeResult => ({
  status,
  score,
  message: `graded ${status}`,
  tests: [{ name: 'concept', status: status === 'passed' ? 'pass' : 'fail', message: '' }],
  advice: [],
  gradedVersion: 'rubric:queue-test@1',
  durationMs: 3,
});

const lease = (job: ClaimedJob): Lease => ({ jobId: job.jobId, workerId: job.workerId, tries: job.tries });

let questionId: string;

async function users(count: number): Promise<{ id: string; role: 'CANDIDATE' }[]> {
  const rows = await prisma.user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ email: `candidate-${i}-${Date.now()}@example.com` })),
    select: { id: true },
  });
  return rows.map((r) => ({ id: r.id, role: 'CANDIDATE' as const }));
}

async function claimAll(workerId = 'test-worker', leaseMs = 30_000): Promise<ClaimedJob[]> {
  const jobs: ClaimedJob[] = [];
  for (let job = await claimJob({ workerId, leaseMs }); job; job = await claimJob({ workerId, leaseMs })) jobs.push(job);
  return jobs;
}

const practiceCount = async () => (await getQuestion({ slug: 'explain-canary-releases' }))?.practiceCount;

beforeEach(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  const question = await prisma.question.create({
    data: {
      slug: 'explain-canary-releases',
      topicId: topic.id,
      prompt: 'Explain canary releases.',
      difficulty: 'EASY',
      type: 'TECHNICAL',
      answerKind: 'WRITTEN',
      seededPracticeCount: SEEDED,
    },
    select: { id: true },
  });
  questionId = question.id;
  await prisma.questionVersion.create({
    data: { questionId, version: 1, rubric: { concepts: [] }, modelAnswer: 'A model answer.', publishedAt: new Date() },
  });
});

describe('claimJob', () => {
  it('hands each due job to exactly one of many workers claiming at once, and moves its attempt to RUNNING', async () => {
    const [candidate] = await users(1);
    // One user's posts are stored one at a time (a concurrent one is refused: tests/integration/queue).
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: `answer ${i}` } }));
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => claimJob({ workerId: `w${i}`, leaseMs: 30_000 })));
    const claimed = claims.filter((c): c is ClaimedJob => c !== null);
    expect(claimed).toHaveLength(5);
    expect(new Set(claimed.map((c) => c.attemptId))).toEqual(new Set(attempts.map((a) => a.id)));
    expect(claimed.every((c) => c.tries === 1)).toBe(true);
    const rows = await prisma.attempt.findMany({ select: { status: true, startedAt: true, job: { select: { state: true, workerId: true } } } });
    expect(rows.every((r) => r.status === 'RUNNING' && r.startedAt !== null && r.job?.state === 'RUNNING')).toBe(true);
    expect(await claimJob({ workerId: 'late', leaseMs: 30_000 })).toBeNull();
  });

  it('leaves a job alone until its runAt, and a RUNNING job while its lease holds', async () => {
    const [candidate] = await users(1);
    const { id } = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'later' } });
    await prisma.gradingJob.update({ where: { attemptId: id }, data: { runAt: new Date(Date.now() + 60_000) } });
    expect(await claimJob({ workerId: 'a', leaseMs: 30_000 })).toBeNull();
    await prisma.gradingJob.update({ where: { attemptId: id }, data: { runAt: new Date(Date.now() - 1_000) } });
    expect(await claimJob({ workerId: 'a', leaseMs: 30_000 })).toMatchObject({ attemptId: id, tries: 1 });
    expect(await claimJob({ workerId: 'b', leaseMs: 30_000 })).toBeNull();
  });

  it('re-claims a job whose lease expired; the first worker can then no longer record it', async () => {
    const [candidate] = await users(1);
    const { id } = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'slow' } });
    const first = await claimJob({ workerId: 'dies', leaseMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const second = await claimJob({ workerId: 'survives', leaseMs: 30_000 });
    expect(second).toMatchObject({ jobId: first!.jobId, attemptId: id, tries: 2, workerId: 'survives' });

    expect(await recordGrade({ lease: lease(first!), result: grade('passed', 99) })).toEqual({ recorded: false, counted: false });
    expect(await recordGrade({ lease: lease(second!), result: grade('failed', 40) })).toEqual({ recorded: true, counted: true });
    const attempt = await prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true, score: true, answer: true } });
    expect(attempt).toEqual({ status: 'FAILED', score: 40, answer: 'slow' });
  });
  // The claim reads what the attempt is graded with in its own statement: the worker then grades
  // without another round trip, and gets exactly what a separate read would have given.
  it('returns the material the attempt is graded with, as a separate read gives it, for pinned and unpinned attempts', async () => {
    const [candidate] = await users(1);
    const pinned = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'pinned to version 1' } });
    // Submitted before any version was published: graded with the latest version published since.
    await prisma.questionVersion.updateMany({ where: { questionId }, data: { publishedAt: null } });
    const unpinned = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'not pinned' } });
    await prisma.questionVersion.update({ where: { questionId_version: { questionId, version: 1 } }, data: { publishedAt: new Date() } });
    const v2 = await prisma.questionVersion.create({
      data: { questionId, version: 2, rubric: { concepts: [], note: 'v2' }, modelAnswer: 'Another.', publishedAt: new Date() },
      select: { id: true },
    });
    const v1 = await prisma.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId, version: 1 } }, select: { id: true } });

    // A code question whose version carries a harness and its spec, and one with nothing published.
    const topic = await prisma.topic.findFirstOrThrow({ select: { id: true } });
    const code = await prisma.question.create({
      data: { slug: 'deploy-script', topicId: topic.id, prompt: 'Write a deploy script.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'BASH' },
      select: { id: true },
    });
    const harness = { name: 'bash-deploy', version: 1, brief: 'Deploy “IMAGE:TAG” — safely.' };
    const harnessSpec = { kind: 'bash-kit', checks: [{ name: 'a check', weight: 1 }] };
    const codeVersion = await prisma.questionVersion.create({ data: { questionId: code.id, version: 1, harness, harnessSpec, publishedAt: new Date() }, select: { id: true } });
    const script = '#!/bin/bash\nset -euo pipefail\necho "déployé \\ \u2713" >&2\n';
    const coded = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId: code.id, answer: script } });
    const unpublished = await prisma.question.create({
      data: { slug: 'not-yet', topicId: topic.id, prompt: 'Not published yet.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' },
      select: { id: true },
    });
    const early = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId: unpublished.id, answer: 'too early' } });

    const claims = await claimAll();
    const byAttempt = new Map(claims.map((c) => [c.attemptId, c.material]));
    expect(byAttempt.get(pinned.id)).toEqual({ answer: 'pinned to version 1', answerKind: 'WRITTEN', prompt: 'Explain canary releases.', versionId: v1.id, version: 1, rubric: { concepts: [] }, harness: null, harnessSpec: null });
    expect(byAttempt.get(unpinned.id)).toEqual({ answer: 'not pinned', answerKind: 'WRITTEN', prompt: 'Explain canary releases.', versionId: v2.id, version: 2, rubric: { concepts: [], note: 'v2' }, harness: null, harnessSpec: null });
    expect(byAttempt.get(coded.id)).toEqual({ answer: script, answerKind: 'BASH', prompt: 'Write a deploy script.', versionId: codeVersion.id, version: 1, rubric: null, harness, harnessSpec });
    expect(byAttempt.get(early.id)).toEqual({ answer: 'too early', answerKind: 'WRITTEN', prompt: 'Not published yet.', versionId: null, version: null, rubric: null, harness: null, harnessSpec: null });
    for (const claim of claims) expect(claim.material).toEqual(await loadAttemptMaterial(claim.attemptId));
  });

  it('grading a claimed job reads nothing more from the database', async () => {
    const [candidate] = await users(1);
    const { id } = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'graded from the claim' } });
    const [job] = await claimAll();
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }), log: [{ emit: 'event', level: 'query' }] });
    try {
      const queries: string[] = [];
      counted.$on('query', (event) => queries.push(event.query));
      const requests: unknown[] = [];
      const graded = await gradeAttempt({ attemptId: job!.attemptId, material: job!.material }, counted, async (request) => (requests.push(request), grade('passed')));
      // With the question, so that an answer reading it back earns nothing for it.
      expect(requests).toEqual([{ kind: 'written', answer: 'graded from the claim', rubric: { concepts: [] }, prompt: 'Explain canary releases.' }]);
      expect(graded.questionVersionId).toBe(job!.material!.versionId);
      expect(queries).toEqual([]);
      // Without the claim's material it reads it, in one query.
      await gradeAttempt({ attemptId: id }, counted, async () => grade('passed'));
      expect(queries).toHaveLength(1);
    } finally {
      await counted.$disconnect();
    }
  });
});

describe('recordGrade', () => {
  it('records a result exactly once when two workers race to record the same claim', async () => {
    const [candidate] = await users(1);
    const { id } = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'race' } });
    const job = await claimJob({ workerId: 'w', leaseMs: 30_000 });
    const outcomes = await Promise.all([
      recordGrade({ lease: lease(job!), result: grade('passed', 90) }),
      recordGrade({ lease: lease(job!), result: grade('failed', 10) }),
    ]);
    expect(outcomes.filter((o) => o.recorded)).toHaveLength(1);
    const attempt = await prisma.attempt.findUniqueOrThrow({
      where: { id },
      select: { status: true, score: true, gradedAt: true, gradedVersion: true, job: { select: { state: true } } },
    });
    expect(['PASSED', 'FAILED']).toContain(attempt.status);
    expect(attempt.score).toBe(attempt.status === 'PASSED' ? 90 : 10);
    expect(attempt).toMatchObject({ gradedVersion: 'rubric:queue-test@1', job: { state: 'DONE' } });
    expect(attempt.gradedAt).toBeInstanceOf(Date);
    expect(await practiceCount()).toBe(SEEDED + 1);
  });

  it('counts exactly seeded + distinct users when 30 users are graded at once', async () => {
    const candidates = await users(30);
    await Promise.all(candidates.map((actor, i) => createAttempt({ limits: UNLIMITED, actor, input: { questionId, answer: `first answer ${i}` } })));
    const jobs = await claimAll();
    expect(jobs).toHaveLength(30);
    const outcomes = await Promise.all(
      jobs.map((job, i) => recordGrade({ lease: lease(job), result: grade(i % 3 === 0 ? 'failed' : i % 3 === 1 ? 'passed' : 'error') })),
    );
    expect(outcomes.every((o) => o.recorded && o.counted)).toBe(true);
    expect(await prisma.questionPractice.count({ where: { questionId } })).toBe(30);
    expect(await practiceCount()).toBe(SEEDED + 30);
  });

  it('counts one user once however many of their attempts are graded at once', async () => {
    const [alice, bob] = await users(2);
    for (let i = 0; i < 12; i++) {
      await Promise.all([
        createAttempt({ limits: UNLIMITED, actor: alice!, input: { questionId, answer: `alice ${i}` } }),
        createAttempt({ limits: UNLIMITED, actor: bob!, input: { questionId, answer: `bob ${i}` } }),
      ]);
    }
    const jobs = await claimAll();
    expect(jobs).toHaveLength(24);
    const outcomes = await Promise.all(jobs.map((job) => recordGrade({ lease: lease(job), result: grade('passed') })));
    expect(outcomes.filter((o) => o.counted)).toHaveLength(2);
    expect(await prisma.attempt.count({ where: { status: 'PASSED' } })).toBe(24);
    expect(await practiceCount()).toBe(SEEDED + 2);
  });

  it('does not count an attempt that could not be graded (INFRA_ERROR)', async () => {
    const [candidate] = await users(1);
    await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'unlucky' } });
    const job = await claimJob({ workerId: 'w', leaseMs: 30_000 });
    expect(await recordGrade({ lease: lease(job!), result: grade('infra_error', 0) })).toEqual({ recorded: true, counted: false });
    expect(await prisma.attempt.findFirstOrThrow({ select: { status: true, score: true } })).toEqual({ status: 'INFRA_ERROR', score: null });
    expect(await practiceCount()).toBe(SEEDED);
  });
});

describe('retryJob', () => {
  it('requeues with exponential backoff, keeps the error, and after the last try marks the attempt INFRA_ERROR — the answer stays', async () => {
    const [candidate] = await users(1);
    const { id } = await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'my careful answer' } });
    const delays: number[] = [];
    for (let tries = 1; tries < MAX_TRIES; tries++) {
      const job = await claimJob({ workerId: 'w', leaseMs: 30_000 });
      expect(job?.tries).toBe(tries);
      const outcome = await retryJob({ lease: lease(job!), error: 'sandbox unavailable', baseDelayMs: 1_000 });
      expect(outcome.outcome).toBe('retrying');
      // runAt and updatedAt come from the same now(): their gap is the backoff.
      const row = await prisma.gradingJob.findUniqueOrThrow({ where: { attemptId: id }, select: { state: true, runAt: true, updatedAt: true, lastError: true, workerId: true } });
      delays.push(row.runAt.getTime() - row.updatedAt.getTime());
      expect(row).toMatchObject({ state: 'QUEUED', lastError: `try ${tries}: sandbox unavailable`, workerId: null });
      expect(await prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'QUEUED' });
      // Not due yet; then let the clock "pass".
      expect(await claimJob({ workerId: 'w', leaseMs: 30_000 })).toBeNull();
      await prisma.gradingJob.update({ where: { attemptId: id }, data: { runAt: new Date(Date.now() - 1) } });
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);

    const last = await claimJob({ workerId: 'w', leaseMs: 30_000 });
    expect(last?.tries).toBe(MAX_TRIES);
    expect(await retryJob({ lease: lease(last!), error: 'sandbox still unavailable', gradedVersion: 'rubric:queue-test@1' })).toEqual({ outcome: 'gave_up' });
    const attempt = await prisma.attempt.findUniqueOrThrow({
      where: { id },
      select: { status: true, score: true, answer: true, result: true, job: { select: { state: true, lastError: true } } },
    });
    expect(attempt).toMatchObject({
      status: 'INFRA_ERROR',
      score: null,
      answer: 'my careful answer',
      result: { status: 'infra_error', message: GAVE_UP_MESSAGE },
      job: { state: 'DEAD', lastError: `try ${MAX_TRIES}: sandbox still unavailable` },
    });
    expect(GAVE_UP_MESSAGE).toMatch(/submit it again later/);
    expect(await practiceCount()).toBe(SEEDED);
    expect(await claimJob({ workerId: 'w', leaseMs: 30_000 })).toBeNull();
  });

  it('does nothing for a claim that is no longer the caller’s', async () => {
    const [candidate] = await users(1);
    await createAttempt({ limits: UNLIMITED, actor: candidate!, input: { questionId, answer: 'x' } });
    const job = await claimJob({ workerId: 'w', leaseMs: 30_000 });
    await recordGrade({ lease: lease(job!), result: grade('passed') });
    expect(await retryJob({ lease: lease(job!), error: 'late failure' })).toEqual({ outcome: 'lost' });
    expect(await prisma.attempt.findFirstOrThrow({ select: { status: true } })).toEqual({ status: 'PASSED' });
  });
});
