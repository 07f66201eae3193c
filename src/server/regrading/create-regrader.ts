// The worker's re-grade slot (docs/decisions/016): claims re-grades when the worker has a spare
// slot and no candidate's job is due, grades each answer under the version it is re-graded to,
// and records it. Leases are renewed while grading runs, so a worker that dies mid-re-grade loses
// it to another after one lease and the run resumes; a stopping worker hands unfinished ones back.
// The worker only calls `claim` when a slot is free, and waits for `stop` when it stops.
import type { GradeResult } from '@/grading/contract';
import { prisma, type DbClient } from '@/server/db';
import { buildGradeRequest } from '@/worker/build-grade-request';
import { claimRegrade } from './claim-regrade';
import { extendRegradeLease } from './extend-regrade-lease';
import { recordRegrade } from './record-regrade';
import { releaseRegrade } from './release-regrade';
import { retryRegrade } from './retry-regrade';
import type { ClaimedRegrade, RegradeLease } from './schemas';
import { errorMessage } from '@/lib/error-message';

export type Regrader = {
  // Re-grades being graded by this worker now.
  readonly active: number;
  // Claims one re-grade and starts it; false when none is due (or a candidate's job is).
  claim: () => Promise<boolean>;
  // Waits up to graceMs for running re-grades, then hands the rest back to the queue.
  stop: (graceMs: number) => Promise<void>;
};

export function createRegrader({
  workerId,
  leaseMs,
  grade,
  onSettled,
  log,
  retryBaseMs,
  db = prisma,
}: {
  workerId: string;
  leaseMs: number;
  // Grades one request the way candidates' answers are graded (in the worker's grading processes).
  grade: (request: unknown) => Promise<GradeResult>;
  // A slot came free: the worker looks for more work.
  onSettled: () => void;
  log: (line: string) => void;
  retryBaseMs?: number;
  db?: DbClient;
}): Regrader {
  const running = new Map<string, { lease: RegradeLease; done: Promise<void> }>();

  async function handle(claimed: ClaimedRegrade): Promise<void> {
    const lease: RegradeLease = { regradeId: claimed.regradeId, workerId: claimed.workerId, tries: claimed.tries };
    const heartbeat = setInterval(() => {
      extendRegradeLease({ lease, leaseMs }, db).then(
        (held) => held || clearInterval(heartbeat),
        (error: unknown) => log(`could not renew the lease on re-grade ${lease.regradeId}: ${errorMessage(error)}`),
      );
    }, Math.max(50, Math.floor(leaseMs / 3)));
    try {
      const result = await gradeOne(claimed);
      if (result.status === 'infra_error') {
        await retry(lease, result.message);
        return;
      }
      const { recorded } = await recordRegrade({ lease, result }, db);
      if (!recorded) log(`re-grade ${lease.regradeId} was no longer ours`);
    } catch (error) {
      await retry(lease, errorMessage(error)).catch((e: unknown) => log(`could not requeue re-grade ${lease.regradeId}: ${errorMessage(e)}`));
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function gradeOne(claimed: ClaimedRegrade): Promise<GradeResult> {
    const [attempt, material] = await Promise.all([
      db.attempt.findUniqueOrThrow({ where: { id: claimed.attemptId }, select: { answer: true, answerKind: true, question: { select: { prompt: true } } } }),
      db.questionVersion.findUniqueOrThrow({ where: { id: claimed.questionVersionId }, select: { version: true, rubric: true, harness: true, harnessSpec: true } }),
    ]);
    const built = buildGradeRequest({ answerKind: attempt.answerKind, answer: attempt.answer, material, prompt: attempt.question.prompt });
    if ('problem' in built) throw new Error(built.problem);
    return grade(built.request);
  }

  async function retry(lease: RegradeLease, error: string) {
    const outcome = await retryRegrade({ lease, error, ...(retryBaseMs === undefined ? {} : { baseDelayMs: retryBaseMs }) }, db);
    if (outcome.outcome === 'failed') log(`re-grade ${lease.regradeId} failed ${lease.tries} times (${error}); the attempt keeps its grade`);
    if (outcome.outcome === 'retrying') {
      // Look again when it falls due rather than at the next poll.
      setTimeout(onSettled, Math.max(0, outcome.runAt.getTime() - Date.now()) + 5).unref();
    }
  }

  return {
    get active() {
      return running.size;
    },
    async claim() {
      const claimed = await claimRegrade({ workerId, leaseMs }, db);
      if (!claimed) return false;
      const lease: RegradeLease = { regradeId: claimed.regradeId, workerId: claimed.workerId, tries: claimed.tries };
      const done = handle(claimed).finally(() => {
        running.delete(claimed.regradeId);
        onSettled();
      });
      running.set(claimed.regradeId, { lease, done });
      return true;
    },
    async stop(graceMs) {
      const pending = [...running.values()];
      if (pending.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled(pending.map((p) => p.done)), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const { lease } of running.values()) await releaseRegrade({ lease }, db).catch(() => false);
    },
  };
}
