// The attempt as the browser sees it (GET /api/attempts/<id>). Client-safe.
import type { GradeResult } from '@/grading/contract';

export type AttemptStatus = 'QUEUED' | 'RUNNING' | 'PASSED' | 'FAILED' | 'ERROR' | 'INFRA_ERROR';
export type RecallRating = 'AGAIN' | 'HARD' | 'GOOD' | 'EASY';

export type AttemptView = {
  id: string;
  status: AttemptStatus;
  score: number | null;
  result: GradeResult | null;
  recall: RecallRating | null;
  gradedVersion: string | null;
  createdAt: string;
  gradedAt: string | null;
  modelAnswer?: string | null;
};

export const TERMINAL_STATUSES: readonly AttemptStatus[] = ['PASSED', 'FAILED', 'ERROR', 'INFRA_ERROR'];

export const STATUS_LABEL: Record<AttemptStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Grading',
  PASSED: 'Passed',
  FAILED: 'Not yet',
  ERROR: 'Did not run',
  INFRA_ERROR: 'Grading unavailable',
};
