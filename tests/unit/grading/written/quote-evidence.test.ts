import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_CHARS, quoteEvidence } from '@/grading/written/quote-evidence';

describe('quoteEvidence', () => {
  it('quotes a sentence that fits whole', () => {
    expect(quoteEvidence('We roll back by setting the weight to zero.', 3)).toBe('We roll back by setting the weight to zero.');
  });

  it('cuts a long sentence around the matched word, marking both cuts', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
    const quote = quoteEvidence(words.join(' '), 60);
    expect(quote.length).toBeLessThanOrEqual(MAX_EVIDENCE_CHARS);
    expect(quote.startsWith('…word52 ')).toBe(true);
    expect(quote).toContain('word60');
    expect(quote.endsWith('…')).toBe(true);
  });

  it('starts at the beginning when the match is near it, and cuts one endless word', () => {
    const text = `Canary ${'x'.repeat(400)}`;
    expect(quoteEvidence(text, 0)).toBe('Canary…');
    const quote = quoteEvidence('y'.repeat(400), 0);
    expect(quote).toHaveLength(MAX_EVIDENCE_CHARS - 1);
    expect(quote.endsWith('…')).toBe(true);
  });
});
