import { describe, expect, it } from 'vitest';
import { findPhrase } from '@/grading/written/find-phrase';
import { normalize } from '@/grading/written/analyze-text';

const find = (sentence: string, phrasing: string) => findPhrase(normalize(sentence), normalize(phrasing));

describe('findPhrase', () => {
  it('finds a phrasing in order and returns where it starts', () => {
    expect(find('We compare the canary with the baseline', 'canary baseline')).toBe(1);
    expect(find('baseline before canary', 'canary baseline')).toBe(-1);
  });

  it('lets one word sit in each gap of a phrasing of three or more words', () => {
    expect(find('send 5% of the live traffic to it', 'send 5% of traffic')).toBeGreaterThanOrEqual(0);
    expect(find('send 5% of the live production traffic', 'send 5% of traffic')).toBe(-1);
  });

  it('gives two-word phrasings no slack', () => {
    expect(find('integration is building and testing', 'integration tests')).toBe(-1);
    expect(find('we run integration tests', 'integration tests')).toBeGreaterThanOrEqual(0);
  });

  it('backtracks when the nearest next word leads nowhere', () => {
    // a→b(1) then c is two words away; a→b(2) then c is one word away.
    expect(findPhrase(['a', 'b', 'b', 'x', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(findPhrase(['a', 'b', 'x', 'x', 'c'], ['a', 'b', 'c'])).toBe(-1);
  });

  it('never matches an empty phrasing', () => {
    expect(findPhrase(['anything'], [])).toBe(-1);
  });
});
