// A bare term earns less than an explanation; these pin down what counts as which.
import { describe, expect, it } from 'vitest';
import { isBareTerm, isKeywordList } from '@/grading/written/is-keyword-list';
import { splitSentences } from '@/grading/written/split-sentences';

const bare = (answer: string) => splitSentences(answer).map(isBareTerm);

describe('isBareTerm', () => {
  it('calls short noun phrases, comma runs of terms and headings bare', () => {
    expect(bare('- canary\n- small percentage of traffic\n- error rate, latency, baseline\n- pass/fail criteria, SLO')).toEqual([true, true, true, true]);
    expect(bare('canary, blue-green, rollback, metrics, 5%')).toEqual([true]);
    expect(bare('## Rolling back the canary safely')).toEqual([true]);
    expect(bare('Key ideas are canary, blue-green, rollback, SLO, bake time.')).toEqual([true]);
  });

  it('calls a clause an explanation, however short, and a long note too', () => {
    expect(bare('We roll back on errors.')).toEqual([false]);
    expect(bare('If it fails, revert.')).toEqual([false]);
    expect(bare('Don’t rebuild per environment')).toEqual([false]);
    expect(bare('Compare error rate and p99 latency against the stable fleet')).toEqual([false]);
    expect(bare('We watch errors, latency and saturation.')).toEqual([false]);
    expect(bare('Unit tests run first, in parallel, and fail fast.')).toEqual([false]);
  });
});

describe('isKeywordList', () => {
  it('flags an answer that is mostly bare terms', () => {
    expect(isKeywordList(splitSentences('canary, baseline, rollback, thresholds, bake time, synthetic traffic'))).toBe(true);
    expect(isKeywordList(splitSentences('- canary\n- rollback\n- metrics\n- baseline\n\nWe use canaries.'))).toBe(true);
  });

  it('accepts prose, including prose under headings and sentences that list things', () => {
    expect(isKeywordList(splitSentences('We compare error rate, latency, saturation and throughput against the baseline every minute.'))).toBe(false);
    expect(isKeywordList(splitSentences('## Rollback\n\nSet the canary weight to zero so all traffic returns to the stable version.'))).toBe(false);
  });

  it('does not flag an empty answer', () => {
    expect(isKeywordList([])).toBe(false);
  });
});
