// analyzeText's tokensOnly reading (a rubric's phrasings, compiled once per grading process) must
// give every token and negation exactly as the full reading does: it only skips the dismissals and
// the carrier series, which phrasings never use.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '@/grading/written/analyze-text';
import { expandPhrasing } from '@/grading/written/expand-phrasing';
import { rubricOf } from './seed-rubrics';

const tokensOf = (text: string, tokensOnly: boolean) => analyzeText(text, { tokensOnly }).tokens.map((t) => ({ token: t.token, isNegator: t.isNegator }));

// Every phrasing line in a rubric: its claims', misconceptions' and anchors'.
function phrasingsOf(slug: string): string[] {
  const lines: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const { phrasings } = value as { phrasings?: unknown };
    if (Array.isArray(phrasings)) lines.push(...phrasings.filter((line): line is string => typeof line === 'string'));
    Object.values(value).forEach(walk);
  };
  walk(rubricOf(slug));
  return lines;
}

describe('analyzeText with tokensOnly', () => {
  it('reads every expanded phrasing of two seed rubrics as the full reading does', () => {
    const variants = ['explain-canary-releases-contrast-blue-green', 'describe-feature-flags-feature-toggles-decouple'].flatMap((slug) => phrasingsOf(slug).flatMap((line) => expandPhrasing(line)));
    expect(variants.length).toBeGreaterThan(1_000);
    const differing = variants.filter((text) => JSON.stringify(tokensOf(text, true)) !== JSON.stringify(tokensOf(text, false)));
    expect(differing).toEqual([]);
  });

  it('gives the same tokens where the full reading marks a dismissal, a negation or a series', () => {
    for (const text of [
      'Comparing against a baseline is pointless, but we never skip the canary.',
      "Rollback isn't needed and jitter just adds latency, which is a myth.",
      'We use Kubernetes and Helm and Argo CD.',
    ]) {
      expect(tokensOf(text, true)).toEqual(tokensOf(text, false));
    }
    // What it skips: the full reading marks these, the tokens-only one does not.
    expect(analyzeText('Comparing against a baseline is pointless.').tokens.some((t) => t.dismissed)).toBe(true);
    expect(analyzeText('Comparing against a baseline is pointless.', { tokensOnly: true }).tokens.some((t) => t.dismissed)).toBe(false);
    expect(analyzeText('We use Kubernetes and Helm and Argo CD.').series).toBe(true);
    expect(analyzeText('We use Kubernetes and Helm and Argo CD.', { tokensOnly: true }).series).toBe(false);
  });
});
