import { describe, expect, it } from 'vitest';
import { isAnswered, unansweredNumbers, unansweredWarning } from '@/components/mock/unanswered';

const written = (id: string, isWithdrawn = false) => ({ id, starterCode: null, isWithdrawn });
const code = (id: string) => ({ id, starterCode: 'def f():\n    pass\n' });

describe('the unanswered questions before finishing a mock interview', () => {
  it('counts blank answers and untouched starter code as unanswered', () => {
    expect(isAnswered(written('a'), undefined)).toBe(false);
    expect(isAnswered(written('a'), '  \n ')).toBe(false);
    expect(isAnswered(written('a'), 'Roll back first.')).toBe(true);
    expect(isAnswered(code('c'), 'def f():\n    pass\n')).toBe(false);
    expect(isAnswered(code('c'), 'def f():\n    return 1\n')).toBe(true);
  });

  it('numbers them from 1 and leaves out a withdrawn question (it scores nothing either way)', () => {
    const questions = [written('a'), written('b', true), code('c'), written('d')];
    expect(unansweredNumbers(questions, { a: 'An answer.', c: 'def f():\n    pass\n' })).toEqual([3, 4]);
    expect(unansweredNumbers(questions, { a: 'x', c: 'y', d: 'z' })).toEqual([]);
  });

  it('says how many and which, in one sentence', () => {
    expect(unansweredWarning([2])).toBe('1 question is unanswered and will score 0: question 2.');
    expect(unansweredWarning([2, 3])).toBe('2 questions are unanswered and will score 0: questions 2 and 3.');
    expect(unansweredWarning([1, 3, 5])).toBe('3 questions are unanswered and will score 0: questions 1, 3 and 5.');
  });
});
