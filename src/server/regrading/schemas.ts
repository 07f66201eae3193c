// Re-grading past attempts under a newer published version (docs/decisions/016): limits, the
// claim a worker holds on one re-grade, and the input of the admin's request. Client-safe.
import { z } from 'zod';
import { uuidField } from '@/lib/uuid-field';

// A re-grade that fails on our side this many times (an infra_error, a grader that crashed or
// froze) is marked FAILED and the attempt keeps its grade: never retried forever.
export const MAX_REGRADE_TRIES = 3;
// First retry after this long, then doubling.
export const REGRADE_RETRY_BASE_MS = 5_000;

// Statuses a re-grade may replace: grades of the answer. INFRA_ERROR was never a grade (the
// candidate is asked to resubmit), and QUEUED or RUNNING attempts are still being graded.
export const REGRADABLE_STATUSES = ['PASSED', 'FAILED', 'ERROR'] as const;

export const StartRegradeSchema = z.object({ questionId: uuidField('A question id is a UUID.') });
export const RegradeRunIdSchema = z.object({ id: uuidField('A re-grade run id is a UUID.') });

// Proof of one claim, like a grading job's lease: (id, workerId, tries) names exactly one claim.
export type RegradeLease = { regradeId: string; workerId: string; tries: number };
export type ClaimedRegrade = RegradeLease & { attemptId: string; questionVersionId: string };

export type RegradeProgress = {
  id: string;
  version: number;
  // The grader revision the run re-grades to; '' for runs before decision 023.
  graderRevision: string;
  total: number;
  queued: number;
  running: number;
  done: number;
  skipped: number;
  failed: number;
  // Done re-grades whose pass/fail or score changed.
  changed: number;
  isFinished: boolean;
  createdAt: string;
  requestedBy: string | null;
};
