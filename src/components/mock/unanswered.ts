// Which questions of a mock interview are still unanswered, or answered in writing too briefly to
// be graded, and the sentences that say so before "Finish" submits them as zeros. Client-safe and
// pure, so it is unit-tested without a browser.
import { countWords, MIN_WRITTEN_ANSWER_WORDS } from '@/lib/practice-rule';

type Question = { id: string; starterCode: string | null; isWithdrawn?: boolean };

// Blank, or untouched starter code: no answer (as the finish request and the question list count it).
export function isAnswered(question: Question, answer: string | undefined): boolean {
  const text = answer ?? '';
  return text.trim() !== '' && text !== (question.starterCode ?? '');
}

// The 1-based numbers of the questions that would score 0 if the interview finished now. A withdrawn
// question is left out: its answer is never graded and does not count toward the score.
export function unansweredNumbers(questions: Question[], answers: Record<string, string>): number[] {
  return questions.flatMap((q, i) => (q.isWithdrawn || isAnswered(q, answers[q.id]) ? [] : [i + 1]));
}

// "2", "2 and 3", "1, 2 and 3".
const listOf = (numbers: number[]) => (numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`);

// "2 questions are unanswered and will score 0: questions 2 and 3."
export function unansweredWarning(numbers: number[]): string {
  const list = listOf(numbers);
  return numbers.length === 1
    ? `1 question is unanswered and will score 0: question ${list}.`
    : `${numbers.length} questions are unanswered and will score 0: questions ${list}.`;
}

// The 1-based numbers of the written answers that are there but too short to be graded (under
// MIN_WRITTEN_ANSWER_WORDS words): finishing keeps them ungraded and they score 0, as an unanswered
// question does. A withdrawn question is left out, as above.
export function tooShortNumbers(questions: (Question & { answerKind: string })[], answers: Record<string, string>): number[] {
  return questions.flatMap((q, i) =>
    !q.isWithdrawn && q.answerKind === 'WRITTEN' && isAnswered(q, answers[q.id]) && countWords(answers[q.id] ?? '') < MIN_WRITTEN_ANSWER_WORDS ? [i + 1] : [],
  );
}

// "1 written answer is too short to be graded (under 20 words) and will score 0: question 2."
export function tooShortWarning(numbers: number[]): string {
  const list = listOf(numbers);
  const rule = `too short to be graded (under ${MIN_WRITTEN_ANSWER_WORDS} words) and will score 0`;
  return numbers.length === 1 ? `1 answer is ${rule}: question ${list}.` : `${numbers.length} answers are ${rule}: questions ${list}.`;
}
