// Normalisation decides whether a phrasing matches an answer, so both go through the same folding:
// case, accents, Unicode dashes and quotes, punctuation, filler words, numbers, compounds, and
// the inflections the stemmer folds.
import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithPositions, tokenize } from '@/grading/written/normalize';
import { stem } from '@/grading/written/stem';

const sameStem = (...words: string[]) => new Set(words.map(stem)).size === 1;

describe('tokenize', () => {
  it('folds case, accents, Unicode dashes and quotes, and reads % as percent', () => {
    // U+2011 non-breaking hyphen, as in the seed prompts, and U+2019 in "canary’s".
    expect(tokenize('Blue‑Green vs. BLUE-GREEN — the canary’s Café 5%')).toEqual(['blue', 'green', 'vs', 'blue', 'green', 'the', 'canary', 'cafe', '5', 'percent']);
  });
});

describe('normalize', () => {
  it('drops filler words but keeps negations', () => {
    expect(normalize('Collect the metrics')).toEqual(normalize('collect metrics'));
    expect(normalize('do not roll back')).toContain('not');
  });

  it('treats a U+2011 hyphen, a plain hyphen and a space alike', () => {
    expect(normalize('blue‑green')).toEqual(normalize('blue-green'));
    expect(normalize('blue‑green')).toEqual(normalize('blue green'));
  });

  it('reads number words and "per cent" the way it reads digits and "%"', () => {
    expect(normalize('five per cent of traffic')).toEqual(normalize('5% of traffic'));
    expect(normalize('5% of traffic')).toEqual(['5', 'percent', 'traffic']);
  });

  it('splits known compounds, so "rollback" matches "rolled back"', () => {
    expect(normalize('rollbacks')).toEqual(normalize('rolled back'));
    expect(normalize('a roll-back')).toEqual(normalize('rolling back'));
    expect(normalize('rollout')).toEqual(normalize('roll out'));
    expect(normalize('cleanup')).toEqual(normalize('cleaning up'));
    expect(normalize('non-deterministic')).toEqual(normalize('nondeterministic'));
  });

  it('remembers which word of the text each token came from', () => {
    expect(normalizeWithPositions('We rolled back the canary')).toEqual([
      { token: stem('roll'), word: 1 },
      { token: stem('back'), word: 2 },
      { token: stem('canary'), word: 4 },
    ]);
  });
});

describe('stem', () => {
  it('folds deploy, deploys, deployed, deploying, deployment and deployments to one stem', () => {
    expect(sameStem('deploy', 'deploys', 'deployed', 'deploying', 'deployment', 'deployments')).toBe(true);
  });

  it('folds plurals', () => {
    expect(sameStem('flag', 'flags')).toBe(true);
    expect(sameStem('strategy', 'strategies')).toBe(true);
    expect(sameStem('switch', 'switches')).toBe(true);
    expect(sameStem('process', 'processes')).toBe(true);
    expect(sameStem('slo', 'slos')).toBe(true);
  });

  it('folds -ing and -ed, undoing a doubled consonant but not a doubled l or s', () => {
    expect(sameStem('route', 'routes', 'routed', 'routing')).toBe(true);
    expect(sameStem('roll', 'rolls', 'rolled', 'rolling')).toBe(true);
    expect(sameStem('stop', 'stopped', 'stopping')).toBe(true);
    expect(sameStem('flag', 'flagged', 'flagging')).toBe(true);
    expect(sameStem('pass', 'passed', 'passing')).toBe(true);
    expect(sameStem('use', 'uses', 'used', 'using')).toBe(true);
    expect(sameStem('need', 'needs', 'needed')).toBe(true);
  });

  it('folds -ation, -al and -ly onto the verb or adjective', () => {
    expect(sameStem('integrate', 'integrated', 'integration', 'integrations')).toBe(true);
    expect(sameStem('approve', 'approved', 'approval', 'approvals')).toBe(true);
    expect(sameStem('automatic', 'automatically')).toBe(true);
    expect(sameStem('safe', 'safely')).toBe(true);
  });

  it('keeps words an inflection rule would confuse apart', () => {
    expect(stem('staging')).not.toBe(stem('stage'));
    expect(stem('staging')).toBe('staging');
  });

  it('leaves short words and anything with a digit alone', () => {
    expect(stem('ci')).toBe('ci');
    expect(stem('p99')).toBe('p99');
    expect(stem('5xx')).toBe('5xx');
  });
});
