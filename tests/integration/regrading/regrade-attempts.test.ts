// Re-grading past attempts under a newer published version (docs/decisions/016), against a real
// Postgres and the real rubric grader: which attempts are eligible, the worker's low-priority
// re-grade slot, both grades kept and shown to the candidate, exact practice counts, an audit
// entry, resuming after a worker dies, idempotence, failures of ours, and a newer version first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gradeAnswer } from '@/grading/grade-answer';
import { GRADER_REVISION } from '@/grading/grader-revision';
import { getAttempt } from '@/server/attempts/get-attempt';
import { listAttempts } from '@/server/attempts/list-attempts';
import { prisma } from '@/server/db';
import { claimRegrade } from '@/server/regrading/claim-regrade';
import { getRegradeOverview } from '@/server/regrading/get-regrade-overview';
import { getRegradeProgress } from '@/server/regrading/get-regrade-progress';
import { recordRegrade } from '@/server/regrading/record-regrade';
import { retryRegrade } from '@/server/regrading/retry-regrade';
import { startRegrade } from '@/server/regrading/start-regrade';
import { runWorker } from '@/worker/run-worker';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin, makeTopic, STRONG, WEAK, writtenMaterial } from '../admin/fixtures';

// Version 1 looked for "roll back"; version 2 also accepts "kill switch", so this answer goes
// from half the concepts (failed) to all of them (passed).
const REVERT = 'A canary release sends a small share of traffic to the new version first. When its error rate rises we flip the kill switch for the new build.';

const rubricV1 = writtenMaterial().rubric as { concepts: { phrasings: string[] }[] } & Record<string, unknown>;
const rubricV2 = { ...rubricV1, version: 2, concepts: rubricV1.concepts.map((c, i) => (i === 1 ? { ...c, phrasings: [...c.phrasings, 'kill switch'] } : c)) };

let admin: { id: string; email: string };
let questionId: string;
let v1: string;
let candidate: { id: string; role: 'CANDIDATE' };
let other: { id: string; role: 'CANDIDATE' };

async function graded(userId: string, answer: string, versionId: string | null = v1) {
  const grade = await gradeAnswer({ kind: 'written', answer, rubric: versionId === v1 ? rubricV1 : rubricV2 });
  const status = ({ passed: 'PASSED', failed: 'FAILED', error: 'ERROR', infra_error: 'INFRA_ERROR' } as const)[grade.status];
  return prisma.attempt.create({
    data: { userId, questionId, questionVersionId: versionId, answerKind: 'WRITTEN', answer, status, score: grade.score, result: grade, gradedVersion: grade.gradedVersion, gradedAt: new Date() },
    select: { id: true, status: true, score: true },
  });
}

async function publishVersion(version: number, rubric: object) {
  return prisma.questionVersion.create({ data: { questionId, version, rubric, publishedAt: new Date() }, select: { id: true } });
}

const practice = async () => ({
  rows: await prisma.questionPractice.count({ where: { questionId } }),
  practicedByUsers: (await prisma.question.findUniqueOrThrow({ where: { id: questionId }, select: { practicedByUsers: true } })).practicedByUsers,
});

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
});

async function startWorker(options: Partial<Parameters<typeof runWorker>[0]> = {}) {
  const controller = new AbortController();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const done = runWorker({
    signal: controller.signal,
    pollMs: 200,
    leaseMs: 5_000,
    sweep: false,
    log: () => {},
    onReady: ready,
    // Candidates' jobs are not what these tests are about; re-grades use the real grader.
    grade: async () => ({ result: { status: 'passed', score: 100, message: 'ok', tests: [], advice: [], gradedVersion: 'rubric:canary@1', durationMs: 1 }, questionVersionId: v1 }),
    gradeRequest: (request) => gradeAnswer(request),
    ...options,
  });
  await Promise.race([isReady, done]);
  stops.push(async () => {
    controller.abort();
    await done;
  });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  const topic = await makeTopic();
  questionId = (await prisma.question.create({ data: { slug: 'canary', topicId: topic.id, prompt: 'Explain canary releases.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' }, select: { id: true } })).id;
  v1 = (await publishVersion(1, rubricV1)).id;
  candidate = { ...(await prisma.user.create({ data: { email: 'cand@example.com' }, select: { id: true } })), role: 'CANDIDATE' };
  other = { ...(await prisma.user.create({ data: { email: 'other@example.com' }, select: { id: true } })), role: 'CANDIDATE' };
  await prisma.questionPractice.createMany({ data: [{ userId: candidate.id, questionId }, { userId: other.id, questionId }] });
  await prisma.question.update({ where: { id: questionId }, data: { practicedByUsers: 2 } });
});

describe('starting a re-grade', () => {
  it('queues the graded attempts of older versions only, once per version, and audits it', async () => {
    const failed = await graded(candidate.id, REVERT);
    const passed = await graded(other.id, STRONG);
    const weak = await graded(other.id, WEAK);
    await prisma.attempt.create({ data: { userId: candidate.id, questionId, questionVersionId: v1, answerKind: 'WRITTEN', answer: REVERT, status: 'INFRA_ERROR' } });
    await prisma.attempt.create({ data: { userId: candidate.id, questionId, answerKind: 'WRITTEN', answer: REVERT, status: 'QUEUED' } });
    expect(failed.status).toBe('FAILED');
    await expect(startRegrade({ actor: admin, input: { questionId } })).rejects.toThrow(/already graded under version 1/);

    await publishVersion(2, rubricV2);
    await graded(candidate.id, REVERT, (await prisma.questionVersion.findFirstOrThrow({ where: { questionId, version: 2 } })).id);
    expect(await getRegradeOverview({ input: { questionId } })).toMatchObject({ liveVersion: 2, olderVersion: 3, earlierGrader: 0 });
    const started = await startRegrade({ actor: admin, input: { questionId } });
    expect(started).toMatchObject({ version: 2, total: 3, isNew: true });
    const queued = await prisma.attemptRegrade.findMany({ where: { runId: started.runId }, select: { attemptId: true, state: true } });
    expect(queued.map((r) => r.attemptId).sort()).toEqual([failed.id, passed.id, weak.id].sort());
    expect(queued.every((r) => r.state === 'QUEUED')).toBe(true);

    // Asking again while it runs is the same run, not a second one.
    expect(await startRegrade({ actor: admin, input: { questionId } })).toEqual({ ...started, isNew: false });
    const audit = await prisma.auditLog.findMany({ where: { action: 'question.regrade' }, select: { actorId: true, entityId: true, details: true } });
    expect(audit).toEqual([{ actorId: admin.id, entityId: questionId, details: { slug: 'canary', version: 2, graderRevision: GRADER_REVISION, attempts: 3 } }]);
    expect(await getRegradeProgress({ input: { id: started.runId } })).toMatchObject({ total: 3, queued: 3, done: 0, isFinished: false });
  });

  // Decision 023: a checker corrected without a version bump reaches past attempts this way.
  it('queues attempts graded under the live version by an earlier grader revision, and re-grades each once per revision', async () => {
    const current = await graded(candidate.id, REVERT);
    const corrected = await graded(other.id, REVERT);
    const legacy = await graded(other.id, STRONG);
    const restamp = async (id: string, graderRevision: string | undefined) => {
      const { result } = await prisma.attempt.findUniqueOrThrow({ where: { id }, select: { result: true } });
      await prisma.attempt.update({ where: { id }, data: { result: { ...(result as object), graderRevision } } });
    };
    await restamp(corrected.id, 'earlier00000');
    await restamp(legacy.id, undefined); // stored before revisions were recorded
    expect(await getRegradeOverview({ input: { questionId } })).toMatchObject({ liveVersion: 1, olderVersion: 0, earlierGrader: 2 });

    const started = await startRegrade({ actor: admin, input: { questionId } });
    expect(started).toMatchObject({ version: 1, total: 2, isNew: true });
    const queued = await prisma.attemptRegrade.findMany({ where: { runId: started.runId }, select: { attemptId: true, graderRevision: true } });
    expect(queued.map((r) => r.attemptId).sort()).toEqual([corrected.id, legacy.id].sort());
    expect(queued.every((r) => r.graderRevision === GRADER_REVISION)).toBe(true);
    expect(await prisma.regradeRun.findUniqueOrThrow({ where: { id: started.runId }, select: { graderRevision: true } })).toEqual({ graderRevision: GRADER_REVISION });

    await startWorker();
    const progress = await until(() => getRegradeProgress({ input: { id: started.runId } }), (p) => p.isFinished);
    expect(progress).toMatchObject({ total: 2, done: 2, changed: 0, failed: 0, skipped: 0 });
    for (const id of [corrected.id, legacy.id]) {
      const attempt = await getAttempt({ actor: other, input: { id } });
      expect(attempt.result?.graderRevision).toBe(GRADER_REVISION);
      // Same version, same grade: recorded for the admin, not announced to the candidate.
      expect(attempt.regrades).toEqual([]);
      expect(await prisma.attemptRegrade.findFirstOrThrow({ where: { attemptId: id }, select: { state: true, previousStatus: true, status: true } })).toMatchObject({ state: 'DONE' });
    }
    expect((await getRegradeProgress({ input: { id: started.runId } })).graderRevision).toBe(GRADER_REVISION);
    const untouched = await prisma.attempt.findUniqueOrThrow({ where: { id: current.id }, select: { regrades: { select: { id: true } } } });
    expect(untouched.regrades).toEqual([]);
    expect(await getRegradeOverview({ input: { questionId } })).toMatchObject({ olderVersion: 0, earlierGrader: 0 });
    await expect(startRegrade({ actor: admin, input: { questionId } })).rejects.toThrow(/already graded under version 1 by the current grader/);
  });

  it('counts what a run would take: an attempt whose re-grade by this revision was given up on is not offered again', async () => {
    const attempt = await graded(candidate.id, REVERT);
    const { result } = await prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { result: true } });
    await prisma.attempt.update({ where: { id: attempt.id }, data: { result: { ...(result as object), graderRevision: 'earlier00000' } } });
    const { runId } = await startRegrade({ actor: admin, input: { questionId } });
    await prisma.attemptRegrade.updateMany({ where: { runId }, data: { state: 'FAILED', lastError: 'try 3: grader crashed' } });
    expect(await getRegradeOverview({ input: { questionId } })).toMatchObject({ olderVersion: 0, earlierGrader: 0 });
    await expect(startRegrade({ actor: admin, input: { questionId } })).rejects.toThrow(/nothing to re-grade/);
  });

  it('does not apply a re-grade made by another grader revision than the run asked for', async () => {
    const attempt = await graded(candidate.id, REVERT);
    const { result } = await prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { result: true } });
    await prisma.attempt.update({ where: { id: attempt.id }, data: { result: { ...(result as object), graderRevision: 'earlier00000' } } });
    await startRegrade({ actor: admin, input: { questionId } });
    const claim = (await claimRegrade({ workerId: 'w', leaseMs: 5_000 }))!;
    const byOtherGrader = { ...(await gradeAnswer({ kind: 'written', answer: REVERT, rubric: rubricV1 })), graderRevision: 'rollingupd00' };
    expect(await recordRegrade({ lease: claim, result: byOtherGrader })).toEqual({ recorded: true, applied: false });
    expect(await prisma.attemptRegrade.findFirstOrThrow({ where: { attemptId: attempt.id }, select: { state: true, lastError: true } })).toEqual({
      state: 'SKIPPED',
      lastError: 'graded by grader revision rollingupd00, not the one the run asked for',
    });
    expect((await prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { result: true } })).result).toMatchObject({ graderRevision: 'earlier00000' });
  });

  it('refuses a question without a published version, and bad ids', async () => {
    await prisma.questionVersion.update({ where: { id: v1 }, data: { publishedAt: null } });
    await expect(startRegrade({ actor: admin, input: { questionId } })).rejects.toThrow(/no published version/);
    await expect(startRegrade({ actor: admin, input: { questionId: 'nope' } })).rejects.toThrow(/UUID/);
    await expect(getRegradeProgress({ input: { id: questionId } })).rejects.toThrow(/No such re-grade run/);
  });
});

describe('the worker re-grades in the background', () => {
  it('gives each attempt the new grade, keeps the original, shows both to the candidate and leaves practice counts alone', async () => {
    const failed = await graded(candidate.id, REVERT);
    const strong = await graded(other.id, STRONG);
    const before = await practice();
    const v2 = (await publishVersion(2, rubricV2)).id;
    const { runId } = await startRegrade({ actor: admin, input: { questionId } });
    await startWorker();

    const progress = await until(() => getRegradeProgress({ input: { id: runId } }), (p) => p.isFinished);
    expect(progress).toMatchObject({ total: 2, done: 2, changed: 1, failed: 0, skipped: 0, isFinished: true });

    const attempt = await getAttempt({ actor: candidate, input: { id: failed.id } });
    expect(attempt).toMatchObject({ status: 'PASSED', score: 100, questionVersion: 2 });
    expect(attempt.regrades).toEqual([
      { version: 2, status: 'PASSED', score: 100, previousVersion: 1, previousStatus: 'FAILED', previousScore: failed.score, regradedAt: expect.any(Date) },
    ]);
    const row = await prisma.attemptRegrade.findFirstOrThrow({ where: { attemptId: failed.id }, select: { previousResult: true, result: true, questionVersionId: true } });
    expect(row.questionVersionId).toBe(v2);
    expect(row.previousResult).toMatchObject({ status: 'failed', gradedVersion: 'rubric:canary@1' });
    expect(row.result).toMatchObject({ status: 'passed', gradedVersion: 'rubric:canary@2' });
    const history = await listAttempts({ actor: candidate, input: { questionId } });
    expect(history[0]?.regrades).toEqual(attempt.regrades);
    // An attempt whose grade did not change is still re-graded under version 2, openly.
    expect((await getAttempt({ actor: other, input: { id: strong.id } })).regrades).toMatchObject([{ version: 2, status: 'PASSED', previousStatus: 'PASSED' }]);

    expect(await practice()).toEqual(before);
    expect(await getRegradeOverview({ input: { questionId } })).toMatchObject({ olderVersion: 0, earlierGrader: 0 });
  });

  it('takes no re-grade while a candidate’s job is due', async () => {
    await graded(candidate.id, REVERT);
    await publishVersion(2, rubricV2);
    await startRegrade({ actor: admin, input: { questionId } });
    const waiting = await prisma.attempt.create({ data: { userId: other.id, questionId, answerKind: 'WRITTEN', answer: STRONG, job: { create: {} } }, select: { id: true } });
    expect(await claimRegrade({ workerId: 'w1', leaseMs: 5_000 })).toBeNull();
    await prisma.gradingJob.update({ where: { attemptId: waiting.id }, data: { state: 'DONE' } });
    expect(await claimRegrade({ workerId: 'w1', leaseMs: 5_000 })).not.toBeNull();
  });
});

describe('re-grades survive workers and never change a grade twice', () => {
  let attemptId: string;
  beforeEach(async () => {
    attemptId = (await graded(candidate.id, REVERT)).id;
    await publishVersion(2, rubricV2);
    await startRegrade({ actor: admin, input: { questionId } });
  });
  const newGrade = async () => gradeAnswer({ kind: 'written', answer: REVERT, rubric: rubricV2 });

  it('resumes a re-grade whose worker died, and the dead worker can no longer record it', async () => {
    const first = (await claimRegrade({ workerId: 'dead', leaseMs: 1 }))!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = (await claimRegrade({ workerId: 'alive', leaseMs: 5_000 }))!;
    expect(second).toMatchObject({ regradeId: first.regradeId, tries: 2 });
    expect(await recordRegrade({ lease: first, result: await newGrade() })).toEqual({ recorded: false, applied: false });
    expect(await recordRegrade({ lease: second, result: await newGrade() })).toEqual({ recorded: true, applied: true });
    // Recording the same claim again changes nothing.
    expect(await recordRegrade({ lease: second, result: await newGrade() })).toEqual({ recorded: false, applied: false });
    expect(await prisma.attemptRegrade.count({ where: { attemptId } })).toBe(1);
  });

  it('gives up after repeated failures of ours, and the attempt keeps its grade', async () => {
    const before = await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, score: true, questionVersionId: true } });
    for (let i = 1; i <= 3; i++) {
      const claim = (await until(() => claimRegrade({ workerId: 'w', leaseMs: 5_000 }), (c) => c !== null))!;
      const outcome = await retryRegrade({ lease: claim, error: 'grader crashed', baseDelayMs: 1 });
      expect(outcome.outcome).toBe(i < 3 ? 'retrying' : 'failed');
    }
    expect(await prisma.attemptRegrade.findFirstOrThrow({ where: { attemptId }, select: { state: true, lastError: true } })).toEqual({ state: 'FAILED', lastError: 'try 3: grader crashed' });
    expect(await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, score: true, questionVersionId: true } })).toEqual(before);
  });

  it('never puts an older version back over a newer one', async () => {
    const claim = (await claimRegrade({ workerId: 'w', leaseMs: 5_000 }))!;
    const v3 = await publishVersion(3, { ...rubricV2, version: 3 });
    await prisma.attempt.update({ where: { id: attemptId }, data: { questionVersionId: v3.id, score: 42 } });
    expect(await recordRegrade({ lease: claim, result: await newGrade() })).toEqual({ recorded: true, applied: false });
    expect(await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true, questionVersionId: true } })).toEqual({ score: 42, questionVersionId: v3.id });
    expect((await getAttempt({ actor: candidate, input: { id: attemptId } })).regrades).toEqual([]);
  });

  it('skips re-grades still queued for an older version when a newer one starts', async () => {
    await publishVersion(3, { ...rubricV2, version: 3 });
    const started = await startRegrade({ actor: admin, input: { questionId } });
    expect(started).toMatchObject({ version: 3, total: 1, isNew: true });
    const states = await prisma.attemptRegrade.findMany({ where: { attemptId }, select: { state: true, questionVersion: { select: { version: true } } }, orderBy: { createdAt: 'asc' } });
    expect(states).toEqual([{ state: 'SKIPPED', questionVersion: { version: 2 } }, { state: 'QUEUED', questionVersion: { version: 3 } }]);
  });
});
