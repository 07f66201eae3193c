// A written mock answer under the 20-word minimum scores 0 ("Too short to grade"), as a blank one
// does, but Finish warned only of blank ones: a two-word answer went through without a word.
import { expect, it } from 'vitest';
import { tooShortNumbers, tooShortWarning } from '@/components/mock/unanswered';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const written = (id: string, isWithdrawn = false) => ({ id, answerKind: 'WRITTEN', starterCode: null, isWithdrawn });
const code = (id: string) => ({ id, answerKind: 'PYTHON', starterCode: 'def f():\n    pass\n' });

it('numbers the written answers that are there but under the minimum', () => {
  const questions = [written('a'), written('b'), code('c'), written('d'), written('e', true)];
  const answers = { a: 'too short', b: words(20), c: 'def f(): return 1', d: '', e: 'short' };
  // b meets the minimum; c is code (no minimum); d is unanswered (warned of as such); e is withdrawn.
  expect(tooShortNumbers(questions, answers)).toEqual([1]);
  expect(tooShortNumbers(questions, { ...answers, b: words(19) })).toEqual([1, 2]);
});

it('says how many and which, in one sentence', () => {
  expect(tooShortWarning([2])).toBe('1 answer is too short to be graded (under 20 words) and will score 0: question 2.');
  expect(tooShortWarning([1, 3])).toBe('2 answers are too short to be graded (under 20 words) and will score 0: questions 1 and 3.');
});
