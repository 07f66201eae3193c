// Grading this job crashed or froze the grading process (a poison answer: docs/decisions/007).
// The crash is counted on the job under the caller's claim; the first one is retried at once,
// and at MAX_CRASHES the attempt is finished as the candidate's ERROR with a message saying why,
// never retried forever and never our INFRA_ERROR.
import type { GradeResult } from '@/grading/contract';
import { finishResult } from '@/grading/finish-result';
import { prisma, type DbClient } from '@/server/db';
import { recordGrade } from './record-grade';
import { retryJob, type RetryOutcome } from './retry-job';
import { MAX_CRASHES, MAX_TRIES, type Lease } from './schemas';

export type CrashKind = 'crashed' | 'stalled';
export type CrashOutcome = RetryOutcome | { outcome: 'poisoned' };

const MAX_ERROR_CHARS = 2_000;

export function poisonMessage(kind: CrashKind, crashes: number): string {
  const what = kind === 'stalled' ? 'made the grader stop responding' : 'made the grader crash';
  return (
    `Your answer was not graded: running it ${what} ${crashes === 2 ? 'twice' : `${crashes} times`}, so it is marked as an error. ` +
    'Check it for runaway output, huge or deeply nested data, or endless loops in what it passes to the tools, then submit again.'
  );
}

export async function recordCrash(
  {
    lease,
    kind,
    reason,
    gradedVersion = '',
    maxCrashes = MAX_CRASHES,
    maxTries = MAX_TRIES,
  }: { lease: Lease; kind: CrashKind; reason: string; gradedVersion?: string; maxCrashes?: number; maxTries?: number },
  db: DbClient = prisma,
): Promise<CrashOutcome> {
  const lastError = `try ${lease.tries}: grader ${kind}: ${reason}`.slice(0, MAX_ERROR_CHARS);
  const rows = await db.$queryRaw<{ crashes: number }[]>`
    UPDATE "GradingJob"
    SET crashes = crashes + 1, "lastError" = ${lastError}, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ${lease.jobId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int
    RETURNING crashes`;
  const crashes = rows[0]?.crashes;
  if (crashes === undefined) return { outcome: 'lost' };
  if (crashes >= maxCrashes) {
    // Finished like every grade, so it carries this worker's grader revision (decision 023).
    const result: GradeResult = finishResult({ status: 'error', score: 0, message: poisonMessage(kind, crashes), tests: [], advice: [], gradedVersion, durationMs: 0 });
    const { recorded } = await recordGrade({ lease, result }, db);
    return recorded ? { outcome: 'poisoned' } : { outcome: 'lost' };
  }
  // A crash is not a busy sandbox: try again at once (and on a fresh grading process).
  return retryJob({ lease, error: `grader ${kind}: ${reason}`, gradedVersion: gradedVersion || null, maxTries, baseDelayMs: 0 }, db);
}
