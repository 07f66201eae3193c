// The grading worker: claim a job → grade → record, `concurrency` jobs at a time, until `signal`
// aborts. A dedicated connection LISTENs on 'grading_jobs' so an idle worker claims a new job as
// soon as its transaction commits; a slow poll catches missed notifications, due retries and
// expired leases. Claims are leased and the lease is renewed while grading runs, so a worker that
// dies mid-job loses it to another worker after at most one lease (docs/decisions/002).
// Candidate code runs in the runner (`runner`, src/runner/): a separate process without the
// database password or any other secret (docs/decisions/015). Written answers are graded in the
// worker's own child processes (create-grader-pool.ts), which may hold the judge's key but never
// run code; without a runner (tests, `npm run worker` outside production) code is graded there too.
// A grading process that crashes or freezes costs only its own job a try, and a job that does it
// twice is the candidate's ERROR (docs/decisions/007). A runner that is down or goes away
// mid-grading costs nothing: the job goes back to the queue and this worker stops claiming until a
// runner answers again. Leftovers of crashed graders are swept when the worker starts (by the
// runner instead, when there is one: the jails are its own).
// No Next.js and no `server-only` here: this runs as a plain Node process.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { GradeResult } from '@/grading/contract';
import { sweepLeftovers } from '@/grading/sandbox/sweep-leftovers';
import { prisma, type DbClient } from '@/server/db';
import { claimJob } from '@/server/grading-jobs/claim-job';
import { extendLease } from '@/server/grading-jobs/extend-lease';
import { notifyAttemptSettled } from '@/server/grading-jobs/notify-attempt-settled';
import { recordCrash } from '@/server/grading-jobs/record-crash';
import { recordGrade } from '@/server/grading-jobs/record-grade';
import { releaseJob } from '@/server/grading-jobs/release-job';
import { retryJob } from '@/server/grading-jobs/retry-job';
import { GRADING_JOBS_CHANNEL, MAX_CRASHES, MAX_TRIES, RETRY_BASE_MS, type ClaimedJob, type Lease } from '@/server/grading-jobs/schemas';
import { createGraderPool, GraderCrashError, isWrittenRequest, type GraderPool } from './create-grader-pool';
import { logger } from '@/server/observability/logger';
import { countGradingRetry } from '@/server/observability/metrics';
import { keepHeartbeat } from '@/server/workers/keep-heartbeat';
import { createRegrader, type Regrader } from '@/server/regrading/create-regrader';
import { gradeAttempt } from './grade-attempt';
import { createJobTimings } from './job-timings';
import { RunnerUnavailableError, type RunnerClient } from './create-runner-client';
import { errorMessage } from '@/lib/error-message';
import { requireDatabaseUrl } from '@/server/env';
import { listenChannel } from '@/server/listen-channel';

export type WorkerOptions = {
  signal: AbortSignal;
  // Jobs graded at once by this worker.
  concurrency?: number;
  // How long a claim lasts without renewal; renewed every third of it while grading runs.
  leaseMs?: number;
  // Safety-net poll for missed notifications, due retries and expired leases.
  pollMs?: number;
  // On stop, in-flight jobs get this long to finish before they are released to other workers.
  stopGraceMs?: number;
  maxTries?: number;
  retryBaseMs?: number;
  workerId?: string;
  databaseUrl?: string;
  log?: (line: string) => void;
  // Called once the worker listens and has looked for waiting jobs.
  onReady?: () => void;
  // Tests may swap the grading step; the worker defaults to the real one, in grading processes.
  // A grade that throws GraderCrashError counts as a crash of the job (see create-grader-pool.ts).
  grade?: (job: ClaimedJob) => Promise<{ result: GradeResult; questionVersionId: string | null }>;
  // Grades one request for a re-grade (docs/decisions/016); defaults to the grading processes.
  // Tests that swap `grade` and not this get no re-grades.
  gradeRequest?: (request: unknown) => Promise<GradeResult>;
  // The grading processes: their module (tests swap in one that misbehaves), how long one may be
  // silent before it counts as frozen, and the longest any grading may take.
  graderEntry?: string;
  stallMs?: number;
  jobTimeoutMs?: number;
  maxCrashes?: number;
  // Sweep run dirs and cgroups left by crashed graders before claiming (default: when this
  // worker grades code itself; with a runner, jails are the runner's, and it sweeps them).
  sweep?: boolean;
  // Where code answers are graded (src/worker/create-runner-client.ts).
  runner?: RunnerClient;
  db?: DbClient;
};

export async function runWorker(options: WorkerOptions): Promise<void> {
  const {
    signal,
    concurrency = 2,
    leaseMs = 30_000,
    pollMs = 5_000,
    stopGraceMs = 10_000,
    maxTries = MAX_TRIES,
    retryBaseMs = RETRY_BASE_MS,
    workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    log = (line: string) => console.log(`[worker] ${line}`),
    maxCrashes = MAX_CRASHES,
    db = prisma,
  } = options;
  if (signal.aborted) return;
  // For the LISTEN connection; checked before anything is started.
  const databaseUrl = options.databaseUrl ?? requireDatabaseUrl();
  if (options.sweep ?? !options.runner) {
    const swept = await sweepLeftovers();
    if (swept.cgroups.length + swept.dirs.length > 0) {
      log(`swept ${swept.cgroups.length} cgroup(s) and ${swept.dirs.length} run dir(s) left by crashed graders`);
    }
    for (const problem of swept.problems) log(`could not sweep a leftover: ${problem}`);
  }
  // GRADING_TIMINGS=1: one line per job with when each step of it ended (the bench's breakdown).
  const timings = process.env.GRADING_TIMINGS === '1' ? createJobTimings() : null;
  let pool: GraderPool | null = null;
  let grade = options.grade;
  // Where one grade request goes: code to the runner when there is one, written answers to the
  // grading processes (also used by re-grades).
  let route: ((request: unknown) => Promise<GradeResult>) | undefined;
  const runner = options.runner;
  if (!grade) {
    const graders = createGraderPool({ size: concurrency, entry: options.graderEntry, stallMs: options.stallMs, jobTimeoutMs: options.jobTimeoutMs, log, grades: runner ? 'written' : 'all' });
    pool = graders;
    const routeRequest = (request: unknown) =>
      runner && !isWrittenRequest(request) ? runner.grade(request) : graders.grade(request);
    route = routeRequest;
    grade = (job: ClaimedJob) =>
      gradeAttempt({ attemptId: job.attemptId, material: job.material }, db, (request) => {
        timings?.mark(job.attemptId, 'loaded');
        return routeRequest(request).finally(() => timings?.mark(job.attemptId, 'graded'));
      });
    await graders.ready;
  }
  const gradeJob = grade;
  const gradeRequest = options.gradeRequest ?? route;
  // Re-grades fill slots only when no candidate's job is due, and never the last free slot.
  const regrader: Regrader | null = gradeRequest ? createRegrader({ workerId, leaseMs, grade: gradeRequest, onSettled: () => void fill(), log, retryBaseMs, db }) : null;
  // Set when the runner could not be reached: claim nothing until it answers a ping again.
  let runnerDown = false;
  async function runnerAnswers(): Promise<boolean> {
    if (!runner || !runnerDown) return true;
    if (!(await runner.ping())) return false;
    runnerDown = false;
    log(`the runner at ${runner.url} answers again; claiming jobs`);
    return true;
  }

  // When the last notification arrived (for GRADING_TIMINGS).
  let lastWake = 0;
  const inFlight = new Map<string, { lease: Lease; done: Promise<void> }>();
  const timers = new Set<NodeJS.Timeout>();
  let claiming: Promise<void> | null = null;
  let claimAgain = false;

  // Claims until the slots are full or the queue has nothing due. Calls that arrive meanwhile
  // (a notification, a finished job) make it look once more instead of claiming in parallel.
  function fill(): Promise<void> {
    if (claiming) {
      claimAgain = true;
      return claiming;
    }
    claiming = claimUntilFull().finally(() => {
      claiming = null;
    });
    return claiming;
  }

  async function claimUntilFull(): Promise<void> {
    try {
      do {
        claimAgain = false;
        if (!(await runnerAnswers())) return;
        while (!signal.aborted && inFlight.size + (regrader?.active ?? 0) < concurrency && !runnerDown) {
          const claimStarted = Date.now();
          const job = await claimJob({ workerId, leaseMs }, db);
          if (job) {
            timings?.begin(job.attemptId, { woken: lastWake, claimStarted });
            start(job);
          }
          else if (!regrader || inFlight.size + regrader.active >= Math.max(1, concurrency - 1) || !(await regrader.claim())) break;
        }
      } while (claimAgain && !signal.aborted);
    } catch (error) {
      log(`could not claim a job (will retry on the next poll): ${errorMessage(error)}`);
    }
  }

  function start(job: ClaimedJob) {
    const lease: Lease = { jobId: job.jobId, workerId: job.workerId, tries: job.tries };
    const done = handle(job, lease).finally(() => {
      inFlight.delete(job.jobId);
      void fill();
    });
    inFlight.set(job.jobId, { lease, done });
  }

  async function handle(job: ClaimedJob, lease: Lease): Promise<void> {
    const heartbeat = setInterval(() => {
      extendLease({ lease, leaseMs }, db).then(
        (held) => {
          if (held) return;
          clearInterval(heartbeat);
          log(`lost the lease on job ${job.jobId}; another worker grades it`);
        },
        (error: unknown) => log(`could not renew the lease on job ${job.jobId}: ${errorMessage(error)}`),
      );
    }, Math.max(50, Math.floor(leaseMs / 3)));
    try {
      // Its earlier workers all died mid-job (a poison answer?): stop trying.
      if (job.tries > maxTries) {
        const outcome = await retryJob({ lease, error: `abandoned by ${job.tries - 1} workers`, maxTries }, db);
        if (outcome.outcome === 'gave_up') await settled(job.attemptId);
        return;
      }
      const { result, questionVersionId } = await gradeJob(job);
      logger.info({ jobId: job.jobId, attemptId: job.attemptId, tries: job.tries, status: result.status, durationMs: result.durationMs }, 'job graded');
      if (result.status === 'infra_error') {
        await retry(lease, result.message, result.gradedVersion || null, job.attemptId);
        return;
      }
      const { recorded } = await recordGrade({ lease, result, questionVersionId }, db);
      timings?.end(job.attemptId, { graderMs: result.durationMs });
      // recordGrade announced the attempt settled itself, once its record had committed.
      if (!recorded) log(`job ${job.jobId} was no longer ours; another worker records it`);
    } catch (error) {
      if (error instanceof RunnerUnavailableError) {
        if (!runnerDown) log(`${error.message}; handing jobs back to the queue until a runner answers`);
        runnerDown = true;
        const released = await releaseJob({ lease }, db).catch(() => false);
        if (!released) log(`job ${job.jobId} could not be handed back; its lease expires and another worker takes it`);
        return;
      }
      if (error instanceof GraderCrashError) {
        await crashed(job, lease, error).catch((e: unknown) => log(`could not record the crash of job ${job.jobId}: ${errorMessage(e)}`));
        return;
      }
      await retry(lease, errorMessage(error), null, job.attemptId).catch((e: unknown) =>
        // The claim stays RUNNING; when its lease expires another worker takes it again.
        log(`could not requeue job ${job.jobId}: ${errorMessage(e)}`),
      );
    } finally {
      clearInterval(heartbeat);
      timings?.forget(job.attemptId);
    }
  }

  async function retry(lease: Lease, error: string, gradedVersion: string | null, attemptId?: string) {
    const outcome = await retryJob({ lease, error, gradedVersion, maxTries, baseDelayMs: retryBaseMs }, db);
    countGradingRetry(outcome.outcome);
    if (outcome.outcome === 'retrying') {
      log(`job ${lease.jobId} failed on try ${lease.tries} (${error}); retrying at ${outcome.runAt.toISOString()}`);
      wakeAt(outcome.runAt);
    } else if (outcome.outcome === 'gave_up') {
      log(`job ${lease.jobId} failed ${lease.tries} times; the attempt is marked INFRA_ERROR (${error})`);
      if (attemptId) await settled(attemptId);
    }
  }

  // The grading process died or froze on this job: count it; the second time it is the answer's fault.
  async function crashed(job: ClaimedJob, lease: Lease, error: GraderCrashError) {
    const outcome = await recordCrash({ lease, kind: error.kind, reason: error.message, gradedVersion: error.gradedVersion, maxCrashes, maxTries }, db);
    log(`job ${job.jobId}: the grading process ${error.kind} (${error.message}); ${outcome.outcome === 'poisoned' ? 'the attempt is marked ERROR' : outcome.outcome}`);
    if (outcome.outcome === 'retrying') wakeAt(outcome.runAt);
    if (outcome.outcome === 'poisoned' || outcome.outcome === 'gave_up') await settled(job.attemptId);
  }

  // A wake-up that fails is logged by sendNotification, never thrown (the outcome has committed).
  async function settled(attemptId: string) {
    await notifyAttemptSettled({ attemptId }, db);
  }

  // Looks again when a retry falls due, rather than waiting for the next poll.
  function wakeAt(when: Date) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void fill();
    }, Math.max(0, when.getTime() - Date.now()) + 5);
    timers.add(timer);
  }

  const listener = listenChannel({
    databaseUrl,
    channel: GRADING_JOBS_CHANNEL,
    log,
    onNotification: () => {
      lastWake = Date.now();
      void fill();
    },
    // Notifications sent while disconnected are lost: look at the table. (The first LISTEN is
    // followed by the first fill below, once the runner has been asked.)
    onListening: (reconnected) => {
      if (reconnected) void fill();
    },
    giveUpIfFirstFails: true,
  });
  await listener.ready.catch(async (error: unknown) => {
    await pool?.close();
    throw error;
  });
  // A runner started beside this worker may still be running its self-checks: claim nothing until it answers.
  if (runner && !(await runner.ping())) {
    runnerDown = true;
    log(`no runner answers at ${runner.url} yet; claiming jobs once one does`);
  }
  const poll = setInterval(() => void fill(), pollMs);
  await fill();
  const heartbeat = await keepHeartbeat({ workerId, log }, db);
  log(`worker ${workerId} ready (concurrency ${concurrency}, lease ${leaseMs} ms, poll ${pollMs} ms, code graded ${runner ? `by the runner at ${runner.url}` : 'in the worker’s own processes'})`);
  options.onReady?.();

  // Warming the grading processes takes seconds: the signal may have come meanwhile.
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  clearInterval(poll);
  for (const timer of timers) clearTimeout(timer);
  await listener.close();
  // A claim that was under way when the signal came is in `inFlight` once this settles.
  await claiming;

  // Let in-flight jobs finish within the grace period; hand the rest back to the queue.
  const pending = [...inFlight.values()];
  if (pending.length > 0) {
    log(`stopping: waiting up to ${stopGraceMs} ms for ${pending.length} job(s)`);
    let graceTimer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled(pending.map((p) => p.done)).then(() => true),
      new Promise<boolean>((resolve) => (graceTimer = setTimeout(() => resolve(false), stopGraceMs))),
    ]);
    clearTimeout(graceTimer);
    if (!finished) {
      for (const { lease } of inFlight.values()) {
        const released = await releaseJob({ lease }, db).catch(() => false);
        log(released ? `released job ${lease.jobId} to the queue` : `job ${lease.jobId} finished or was taken over meanwhile`);
      }
    }
  }
  await regrader?.stop(stopGraceMs);
  await pool?.close();
  await heartbeat.stop();
  log(`worker ${workerId} stopped`);
}
