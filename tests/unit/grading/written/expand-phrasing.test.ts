// Phrasing alternatives keep rubrics short; the problems they can hide (unbalanced groups, filler
// words that silently make a group optional, combinatorial blow-ups) are reported in words.
import { describe, expect, it } from 'vitest';
import { expandPhrasing, MAX_VARIANTS, phrasingProblem } from '@/grading/written/expand-phrasing';

describe('expandPhrasing', () => {
  it('expands groups, optional groups and top-level alternatives', () => {
    expect(expandPhrasing('(small|tiny) (share|slice) of traffic')).toEqual([
      'small share of traffic',
      'small slice of traffic',
      'tiny share of traffic',
      'tiny slice of traffic',
    ]);
    expect(expandPhrasing('(canary )?weight to zero')).toEqual(['canary weight to zero', 'weight to zero']);
    expect(expandPhrasing('roll back|revert')).toEqual(['roll back', 'revert']);
    expect(expandPhrasing('error budget')).toEqual(['error budget']);
  });

  it('uses a malformed phrasing literally instead of throwing mid-grade', () => {
    expect(expandPhrasing('(roll back')).toEqual(['(roll back']);
  });
});

describe('phrasingProblem', () => {
  it('accepts well-formed phrasings', () => {
    expect(phrasingProblem('(small|tiny) (share|slice) of traffic')).toBeUndefined();
    expect(phrasingProblem('(the )?baseline')).toBeUndefined();
  });

  it('explains unbalanced, nested and empty groups', () => {
    expect(phrasingProblem('(roll back')).toBe('"(roll back": There is a "(" without a matching ")".');
    expect(phrasingProblem('roll back)')).toBe('"roll back)": There is a ")" without a matching "(".');
    expect(phrasingProblem('((a|b)|c)')).toBe('"((a|b)|c)": Alternatives in ( ) cannot be nested.');
    expect(phrasingProblem('(roll back|) fast')).toBe('"(roll back|) fast": An alternative between ( | ) is empty.');
    expect(phrasingProblem('revert|')).toBe('"revert|": an alternative around "|" is empty.');
  });

  it('rejects a phrasing made only of filler words', () => {
    expect(phrasingProblem('the')).toBe('"the" has no word to match once filler words like "the" are ignored.');
  });

  it('warns when a filler word would make a group optional without saying so', () => {
    expect(phrasingProblem('compare (against|with) baseline')).toMatch(/"with" is a filler word the grader ignores, which makes "\(against\|with\)" optional/);
  });

  it('counts variants after normalisation and refuses too many', () => {
    // Plurals fold to one stem, so this stands for 1 phrasing, not 4.
    expect(phrasingProblem('(flag|flags) (owner|owners)')).toBeUndefined();
    const words = (prefix: string) => `(${Array.from({ length: 15 }, (_, i) => `${prefix}${String.fromCharCode(97 + i)}x`).join('|')})`;
    expect(15 * 15).toBeGreaterThan(MAX_VARIANTS);
    expect(phrasingProblem(`${words('p')} ${words('q')}`)).toMatch(/stands for more than 200 different phrasings; split it into several lines\.$/);
  });
});
