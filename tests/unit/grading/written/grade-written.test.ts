// The rubric grader on a tiny rubric, so every number can be checked by hand.
import { describe, expect, it } from 'vitest';
import { GradeResultSchema } from '@/grading/contract';
import { gradeWritten, KEYWORD_CREDIT } from '@/grading/written/grade-written';
import { RubricSchema, type Rubric } from '@/grading/written/rubric';

const rubric: Rubric = RubricSchema.parse({
  id: 'tiny',
  version: 3,
  passScore: 50,
  concepts: [
    { id: 'rollback', name: 'Rollback', weight: 30, description: 'How to undo.', phrasings: ['roll back', 'revert'], followUp: 'How fast can you roll back?' },
    { id: 'metrics', name: 'Metrics', weight: 50, description: 'What to watch.', phrasings: ['error rate', 'latency'], followUp: 'Which metrics?' },
    { id: 'canary', name: 'Canary', weight: 20, description: 'Small exposure.', phrasings: ['(small|tiny) (percentage|share) of traffic'], followUp: 'How small?' },
  ],
});

const grade = (answer: string, r: Rubric = rubric) => gradeWritten({ answer, rubric: r });

describe('gradeWritten', () => {
  it('scores weighted coverage: 30 + 50 of 100', () => {
    const result = grade('We watch the error rates of the new version closely for an hour. If it looks bad we rolled back the release right away.');
    expect(result).toMatchObject({ score: 80, status: 'passed', gradedVersion: 'rubric:tiny@3', advice: [] });
    expect(result.message).toBe('You covered 2 of 3 concepts. Missing: Canary.');
  });

  it('reports one test per concept in rubric order: evidence when covered, the follow-up when missed', () => {
    const { tests } = grade('We watch the error rates of the new version closely for an hour. If it looks bad we rolled back the release right away.');
    expect(tests).toEqual([
      { name: 'Rollback', status: 'pass', message: 'How to undo.', concept: 'rollback', weight: 30, evidence: 'If it looks bad we rolled back the release right away.' },
      { name: 'Metrics', status: 'pass', message: 'What to watch.', concept: 'metrics', weight: 50, evidence: 'We watch the error rates of the new version closely for an hour.' },
      { name: 'Canary', status: 'fail', message: 'Small exposure.', concept: 'canary', weight: 20, followUp: 'How small?' },
    ]);
  });

  it('returns a result that satisfies the grading contract', () => {
    expect(GradeResultSchema.safeParse(grade('We revert when latency doubles.')).success).toBe(true);
    expect(GradeResultSchema.safeParse(grade('')).success).toBe(true);
  });

  it('matches phrasing alternatives and inflections', () => {
    expect(grade('Only a tiny share of the traffic goes to the new build at first.').tests[2]).toMatchObject({ status: 'pass' });
    expect(grade('Reverting is how we undo a bad release quickly.').tests[0]).toMatchObject({ status: 'pass' });
  });

  it('fails below the pass score, rounds the score, and scores an empty answer 0', () => {
    expect(grade('It is important to revert bad releases quickly when customers notice.')).toMatchObject({ score: 30, status: 'failed' });
    const thirds = RubricSchema.parse({ ...rubric, concepts: rubric.concepts.map((c) => ({ ...c, weight: 1 })) });
    expect(grade('It is important to revert bad releases quickly when customers notice.', thirds).score).toBe(33);
    const empty = grade('  \n ');
    expect(empty).toMatchObject({ score: 0, status: 'failed', message: 'The answer is empty.', advice: [] });
    expect(grade('', RubricSchema.parse({ ...rubric, passScore: 0 })).status).toBe('failed');
    expect(empty.tests.map((t) => [t.status, t.followUp])).toEqual([
      ['fail', 'How fast can you roll back?'],
      ['fail', 'Which metrics?'],
      ['fail', 'How small?'],
    ]);
  });

  it('quotes the sentence that shows the concept best: an explanation before a bare term, then the most phrasings', () => {
    const result = grade('- latency\n\nWe mostly look at latency. We compare error rate and latency against the old version.\n\nWe roll back when they get worse.');
    expect(result.tests[1]!.evidence).toBe('We compare error rate and latency against the old version.');
  });

  it('caps long evidence around the words that matched', () => {
    const padding = Array.from({ length: 80 }, (_, i) => `step${i}`).join(' ');
    const { tests } = grade(`We wrote a long runbook with ${padding} and we roll back when the release misbehaves in production.`);
    expect(tests[0]!.evidence!.length).toBeLessThanOrEqual(300);
    expect(tests[0]!.evidence).toMatch(/^….*roll back when the release misbehaves in production\.$/);
  });
});

describe('gradeWritten and bare terms', () => {
  const explained = 'Send a small percentage of traffic to the new version first. Watch its error rate and latency against the old version. If they get worse, roll back immediately.';

  it('scores a bare list of the same terms at KEYWORD_CREDIT of an explanation, with advice', () => {
    const list = grade('small percentage of traffic, error rate, latency, roll back');
    const bullets = grade('- small percentage of traffic\n- error rate\n- roll back');
    expect(grade(explained)).toMatchObject({ score: 100, advice: [] });
    expect(list.score).toBe(Math.round(100 * KEYWORD_CREDIT));
    expect(bullets.score).toBe(Math.round(100 * KEYWORD_CREDIT));
    expect(list.advice).toEqual([expect.stringMatching(/^Your answer reads as a list of terms\./)]);
    expect(list.message).toBe('You covered 3 of 3 concepts (3 only named, not explained). Nothing important is missing.');
    // Still covered, with the term as evidence: the candidate sees what was credited.
    expect(list.tests.every((t) => t.status === 'pass' && t.evidence === 'small percentage of traffic, error rate, latency, roll back')).toBe(true);
  });

  it('gives partial credit to a concept that is only named in an otherwise explained answer, and says which', () => {
    const result = grade('We compare the error rate of the new version with the old one for an hour.\n\n- roll back');
    expect(result.score).toBe(Math.round(50 + 30 * KEYWORD_CREDIT));
    expect(result.advice).toEqual([
      `You named Rollback without explaining it, so it earns ${Math.round(KEYWORD_CREDIT * 100)}% of its weight. Add a sentence on how you would do it or why it matters.`,
    ]);
    expect(result.message).toBe('You covered 2 of 3 concepts (1 only named, not explained). Missing: Canary.');
  });

  it('does not let one long sentence lift a list of terms', () => {
    const padded = grade('- small percentage of traffic\n- error rate\n- roll back\n\nI have worked on many teams over the years and I always try to learn from every incident that we have.');
    expect(padded.score).toBe(Math.round(100 * KEYWORD_CREDIT));
  });
});

describe('gradeWritten determinism', () => {
  it('gives the same result for the same answer, and for an equal rubric object', () => {
    const answer = 'We roll back when the error rate rises above the threshold we agreed.';
    const { durationMs: first, ...a } = grade(answer);
    const { durationMs: second, ...b } = grade(answer);
    const { durationMs: third, ...c } = grade(answer, structuredClone(rubric));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect([first, second, third].every((ms) => ms >= 0)).toBe(true);
  });
});
