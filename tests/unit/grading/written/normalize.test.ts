import { describe, expect, it } from 'vitest';
import { normalize, stem } from '@/grading/written/normalize';
import { splitSentences } from '@/grading/written/split-sentences';

describe('normalize', () => {
  it('folds case, Unicode dashes, punctuation and filler words', () => {
    expect(normalize('Blue‑Green deployment — the ROLLBACK!')).toEqual(normalize('blue-green deploy rollback'));
    expect(normalize('5% of traffic')).toEqual(['5', 'percent', 'traffic']);
  });

  it('folds plurals and common inflections to one stem', () => {
    const forms = ['deploy', 'deploys', 'deployed', 'deploying', 'deployment', 'deployments'];
    expect(new Set(forms.map(stem)).size).toBe(1);
    expect(new Set(['route', 'routes', 'routed', 'routing'].map(stem)).size).toBe(1);
    expect(new Set(['roll', 'rolled', 'rolling', 'rolls'].map(stem)).size).toBe(1);
    expect(stem('strategies')).toBe(stem('strategy'));
    expect(stem('switches')).toBe(stem('switch'));
    expect(stem('stopped')).toBe(stem('stop'));
  });

  it('keeps short words and numbers as they are', () => {
    expect(stem('ci')).toBe('ci');
    expect(stem('p99')).toBe('p99');
  });
});

describe('splitSentences', () => {
  it('splits prose into sentences without breaking abbreviations or decimals', () => {
    const units = splitSentences('Use a canary, e.g. 5.5% of users. Then compare metrics! Done?');
    expect(units.map((u) => u.text)).toEqual(['Use a canary, e.g. 5.5% of users.', 'Then compare metrics!', 'Done?']);
  });

  it('treats each bullet, numbered item and heading as its own unit and counts words', () => {
    const units = splitSentences('## Steps\n\n1. Route traffic\n2) Compare metrics\n- Roll back fast\n  if needed');
    expect(units).toEqual([
      { text: 'Steps', words: 1 },
      { text: 'Route traffic', words: 2 },
      { text: 'Compare metrics', words: 2 },
      { text: 'Roll back fast if needed', words: 5 },
    ]);
  });

  it('keeps a code fence whole', () => {
    const units = splitSentences('Run this:\n\n```bash\ndocker pull x. Then\nsystemctl restart myapp\n```\nAfter.');
    expect(units.map((u) => u.text)).toEqual(['Run this:', 'docker pull x. Then\nsystemctl restart myapp', 'After.']);
  });
});
