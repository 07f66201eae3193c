// A copy's slug stays a valid slug within the 120-character limit however many copies there are:
// the original is cut short (never leaving a hyphen before the suffix) as the suffix grows.
import { describe, expect, it } from 'vitest';
import { copySlugCandidate } from '@/server/bundles/copy-slug';
import { SlugSchema } from '@/server/questions/schemas';

const LONGEST = `${'abcdefghi-'.repeat(11)}abcdefghij`;

describe('copySlugCandidate', () => {
  it('adds -copy, then -copy-N, to a short slug as it is', () => {
    expect(copySlugCandidate('canary-releases', 1)).toBe('canary-releases-copy');
    expect(copySlugCandidate('canary-releases', 2)).toBe('canary-releases-copy-2');
    expect(copySlugCandidate('canary-releases', 1000)).toBe('canary-releases-copy-1000');
  });

  it.each([1, 2, 9, 10, 99, 100, 999, 1000, 123_456, 10 ** 9])('keeps copy %i of a 120-character slug within the limit', (n) => {
    expect(LONGEST).toHaveLength(120);
    const slug = copySlugCandidate(LONGEST, n);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(SlugSchema.safeParse(slug).success).toBe(true);
    expect(slug.endsWith(n === 1 ? '-copy' : `-copy-${n}`)).toBe(true);
    expect(LONGEST.startsWith(slug.slice(0, slug.lastIndexOf('-copy')))).toBe(true);
  });

  it('never leaves a hyphen dangling where the original is cut', () => {
    // "-copy-2" leaves room for 113 characters, which end in a letter: all kept.
    expect(copySlugCandidate(LONGEST, 2)).toBe(`${LONGEST.slice(0, 113)}-copy-2`);
    // "-copy-1000" leaves room for 110, which end in the original's hyphen: it goes.
    expect(copySlugCandidate(LONGEST, 1000)).toBe(`${LONGEST.slice(0, 109)}-copy-1000`);
  });
});
