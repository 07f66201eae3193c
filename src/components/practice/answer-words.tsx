import { countWords, MIN_WRITTEN_ANSWER_WORDS } from '@/lib/practice-rule';

// A written answer's word count, and the minimum it needs to be graded while it is short of it.
// The practice page and the mock interview show the same counter, so the "at least 20 words"
// refusal is never the first a candidate hears of the rule.
export function AnswerWords({ id, answer }: { id: string; answer: string }) {
  const words = countWords(answer);
  return (
    <p id={id} data-testid="answer-words" className="text-right text-xs text-slate-700 dark:text-slate-300">
      {words} {words === 1 ? 'word' : 'words'}
      {words < MIN_WRITTEN_ANSWER_WORDS ? ` (at least ${MIN_WRITTEN_ANSWER_WORDS} to be graded)` : ''}
    </p>
  );
}
