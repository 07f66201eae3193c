import type { AnswerKindCode } from '@/lib/labels';
import { measureAnswer } from '@/server/attempts/schemas';

const format = (n: number) => n.toLocaleString('en-US');

// An answer's size against the submission limit, measured as the server measures it
// (measureAnswer, which describeOversizeAnswer uses too): characters for a written answer, UTF-8 bytes for code. Red once over.
// The practice page and the mock interview show the same counter.
export function AnswerSize({ id, answerKind, answer, className = '' }: { id?: string; answerKind: AnswerKindCode; answer: string; className?: string }) {
  const { size, limit, unit } = measureAnswer(answerKind, answer);
  const tone = size > limit ? 'text-rose-700 dark:text-rose-400' : 'text-slate-600 dark:text-slate-400';
  return (
    <p id={id} data-testid="answer-count" className={`text-right text-xs ${tone} ${className}`}>
      {format(size)} / {format(limit)} {unit}
    </p>
  );
}
