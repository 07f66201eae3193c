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
  // The answer as submitted, when the view was read from the server.
  answer?: string;
};

export const TERMINAL_STATUSES: readonly AttemptStatus[] = ['PASSED', 'FAILED', 'ERROR', 'INFRA_ERROR'];

export function isTerminal(status: AttemptStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export const STATUS_LABEL: Record<AttemptStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Grading',
  PASSED: 'Passed',
  FAILED: 'Not yet',
  ERROR: 'Did not run',
  INFRA_ERROR: 'Grading unavailable',
};

// What a screen reader hears when the attempt changes state.
export function announceAttempt(attempt: Pick<AttemptView, 'status' | 'score'>): string {
  if (attempt.status === 'QUEUED') return 'Your answer is saved and queued for grading.';
  if (attempt.status === 'RUNNING') return 'Grading your answer.';
  if (attempt.status === 'INFRA_ERROR') return 'We could not grade this answer right now. Your answer is saved.';
  return `Graded: ${STATUS_LABEL[attempt.status]}. Score ${attempt.score ?? 0} out of 100.`;
}

type Serializable = Omit<AttemptView, 'createdAt' | 'gradedAt'> & { createdAt: Date | string; gradedAt: Date | null | string };

// A server-read attempt (dates as Date) as the browser view (dates as ISO strings).
export function toAttemptView(attempt: Serializable): AttemptView {
  return {
    id: attempt.id,
    status: attempt.status,
    score: attempt.score,
    result: attempt.result,
    recall: attempt.recall,
    gradedVersion: attempt.gradedVersion,
    createdAt: new Date(attempt.createdAt).toISOString(),
    gradedAt: attempt.gradedAt ? new Date(attempt.gradedAt).toISOString() : null,
    ...(attempt.answer !== undefined ? { answer: attempt.answer } : {}),
  };
}

// "rubric:canary-vs-blue-green@3" is ours; candidates read which version of the checks graded
// them and how long it took.
export function describeGrading(gradedVersion: string, durationMs: number): string {
  const match = /^(rubric|harness):[^@]*@(\d+)$/.exec(gradedVersion);
  const what = match ? `${match[1] === 'rubric' ? 'the answer checklist' : 'the test suite'}, version ${match[2]}` : 'the current checks';
  return `Graded against ${what}, in ${(durationMs / 1000).toFixed(durationMs < 1000 ? 2 : 1)} s.`;
}
