// Sentences are what the grader quotes back as evidence, so Markdown structure must become
// separate units with their words intact and the decoration gone.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '@/grading/written/split-sentences';

const texts = (answer: string) => splitSentences(answer).map((u) => u.text);

describe('splitSentences', () => {
  it('splits prose into sentences without breaking abbreviations or decimals', () => {
    expect(texts('Use a canary, e.g. 5.5% of users. Then compare metrics! Done? yes, done.')).toEqual([
      'Use a canary, e.g. 5.5% of users.',
      'Then compare metrics!',
      'Done?',
      'yes, done.',
    ]);
    expect(texts('Watch errors, latency etc. and roll back. Compare vs. baseline.')).toEqual(['Watch errors, latency etc. and roll back.', 'Compare vs. baseline.']);
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    expect(texts('We route 5% of traffic to the new version\nthrough the service mesh.\n\nThen we watch it.')).toEqual([
      'We route 5% of traffic to the new version through the service mesh.',
      'Then we watch it.',
    ]);
  });

  it('makes each heading, bullet, numbered item and table row its own unit, with its kind and word count', () => {
    const units = splitSentences('## Steps\n\n1. Route traffic\n2) Compare metrics\n- Roll back fast\n  if needed\n\n| Step | Tool |\n|---|---|\n| Route | Istio |');
    expect(units).toEqual([
      { text: 'Steps', words: 1, kind: 'heading' },
      { text: 'Route traffic', words: 2, kind: 'item' },
      { text: 'Compare metrics', words: 2, kind: 'item' },
      { text: 'Roll back fast if needed', words: 5, kind: 'item' },
      { text: 'Step | Tool', words: 2, kind: 'item' },
      { text: 'Route | Istio', words: 2, kind: 'item' },
    ]);
  });

  it('splits a bullet that holds several sentences', () => {
    expect(texts('- *Rollback.* Set the canary weight to zero. Investigate later.')).toEqual(['Rollback.', 'Set the canary weight to zero.', 'Investigate later.']);
  });

  it('drops emphasis, inline code, link targets and quote markers so the quote reads as plain text', () => {
    expect(texts('> **Canary:** send _some_ traffic via `istio` ([docs](https://istio.io)).')).toEqual(['Canary: send some traffic via istio (docs).']);
  });

  it('reads short unpunctuated lines as a list, not one run-on sentence', () => {
    expect(texts('canary\nblue-green\nrollback metrics')).toEqual(['canary', 'blue-green', 'rollback metrics']);
  });

  it('keeps a code fence whole and outside the prose around it', () => {
    const units = splitSentences('Run this:\n\n```bash\ndocker pull x. Then\nsystemctl restart myapp\n```\nAfter.');
    expect(units.map((u) => [u.kind, u.text])).toEqual([
      ['prose', 'Run this:'],
      ['code', 'docker pull x. Then\nsystemctl restart myapp'],
      ['prose', 'After.'],
    ]);
  });

  it('returns nothing for an empty or blank answer', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });
});
