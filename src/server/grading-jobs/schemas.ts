// The grading job: a row in "GradingJob" claimed under a lease (docs/decisions/002-grading-queue.md).
import { z } from 'zod';
import type { AttemptMaterial } from './attempt-material';

// NOTIFY channel on which a new job's id is announced once its transaction has committed
// (send-notification.ts).
export const GRADING_JOBS_CHANNEL = 'grading_jobs';

// A job is tried this many times (claims, including ones whose worker died) before the attempt is
// marked INFRA_ERROR and the job DEAD.
export const MAX_TRIES = 5;
// First retry after this long, then doubling: 5 s, 10 s, 20 s, 40 s.
export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 10 * 60_000;

// What a NOTIFY carries: the job id (only a hint; workers always claim through the table).
export const JobNotificationSchema = z.uuid();

// Proof of one claim. `tries` goes up with every claim, so (id, workerId, tries) names exactly one
// claim: a worker whose lease expired and was re-claimed can no longer write.
export const LeaseSchema = z.object({
  jobId: z.uuid(),
  workerId: z.string().min(1),
  tries: z.number().int().positive(),
});
export type Lease = z.infer<typeof LeaseSchema>;

// `crashes`: how often grading this job already crashed or froze a grading process.
// `material`: what the attempt is graded with, read by the claim (null: the attempt is gone;
// absent: not read, the grading reads it).
export type ClaimedJob = Lease & { attemptId: string; leaseUntil: Date; crashes: number; material?: AttemptMaterial | null };

// A job whose grading crashed or froze the grading process this many times is finished as the
// candidate's ERROR (a poison answer), not retried.
export const MAX_CRASHES = 2;

// NOTIFY channel on which the worker announces that an attempt reached its final status (payload:
// the attempt id), so a waiting GET /api/attempts/<id>?wait=N answers at once.
export const ATTEMPT_SETTLED_CHANNEL = 'attempt_settled';

// Delay before the next try after `tries` failed ones: exponential, capped.
export function retryDelayMs(tries: number, baseMs = RETRY_BASE_MS, maxMs = RETRY_MAX_MS): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, tries - 1));
}
