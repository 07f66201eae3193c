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
  // How long it has been waiting or grading when the server read it (get-attempt.ts); absent
  // before the server has been asked (just submitted) and null once settled.
  pendingForMs?: number | null;
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
    ...(attempt.pendingForMs !== undefined ? { pendingForMs: attempt.pendingForMs } : {}),
  };
}

// One line under a result: what graded it, against which version of the checks, and how long it
// took. "rubric:canary-vs-blue-green@3" is ours; candidates read "the answer checklist, version 3".
// A written answer is graded by the offline grader or, when one is configured, by a
// language-model judge whose verdicts the checklist turns into the score (`grader`, "llm:<model>").
export function describeGrading({ gradedVersion, durationMs, grader }: Pick<GradeResult, 'gradedVersion' | 'durationMs' | 'grader'>): string {
  const match = /^(rubric|harness):[^@]*@(\d+)$/.exec(gradedVersion);
  const rounded = (durationMs / 1000).toFixed(durationMs < 1000 ? 2 : 1);
  // A grade quicker than the shown precision read "in 0.00 s", as if nothing had been timed.
  const seconds = rounded === '0.00' ? 'under 0.01 s' : `${rounded} s`;
  if (!match) return `Graded against the current checks, in ${seconds}.`;
  const version = match[2];
  if (match[1] === 'harness') return `Graded by the test suite, version ${version}, in ${seconds}.`;
  if (grader?.startsWith('llm:')) {
    return `Graded by a language-model judge (${grader.slice(4)}) against the answer checklist, version ${version}, in ${seconds}; the score is computed from the checklist.`;
  }
  return `Graded by the offline grader against the answer checklist, version ${version}, in ${seconds}.`;
}
