// Which attempts count as practice (README "Practice count rule"). Client-safe: the answer form
// shows the same word count and message the server enforces.
//
// - A written answer must have at least MIN_WRITTEN_ANSWER_WORDS words to be accepted at all
//   (400 otherwise), so a throwaway "x" is refused before it is stored.
// - A code answer counts once it ran and passed at least one test or scenario (recordGrade);
//   code that did not run, or ran and achieved nothing, is graded and kept but does not count.
import type { AttemptStatus } from '@/lib/attempt-view';
import type { AnswerKindCode } from '@/lib/labels';

export const MIN_WRITTEN_ANSWER_WORDS = 20;

// A word is a run of non-space characters with at least one letter or digit, so Markdown
// bullets and punctuation alone do not pad the count.
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words += 1;
  return words;
}

export function describeTooShortAnswer(answerKind: AnswerKindCode, answer: string): string | null {
  if (answerKind !== 'WRITTEN') return null;
  const words = countWords(answer);
  if (words >= MIN_WRITTEN_ANSWER_WORDS) return null;
  return `Your answer has ${words} ${words === 1 ? 'word' : 'words'}; write at least ${MIN_WRITTEN_ANSWER_WORDS} so it can be graded — explain it as you would to an interviewer.`;
}

// Whether a settled attempt counts as practice: the rule recordGrade writes in SQL
// (src/server/grading-jobs/record-grade.ts), here so the result can say when one did not count.
// INFRA_ERROR (our failure) never counts; a written answer counts once graded; code once it scored.
export function countsAsPractice({ answerKind, status, score }: { answerKind: AnswerKindCode; status: AttemptStatus; score: number | null }): boolean {
  if (status !== 'PASSED' && status !== 'FAILED' && status !== 'ERROR') return false;
  return answerKind === 'WRITTEN' || (score ?? 0) > 0;
}
