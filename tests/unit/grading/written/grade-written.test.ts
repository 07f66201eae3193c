import { describe, expect, it } from 'vitest';
import { gradeWritten, isKeywordList } from '@/grading/written/grade-written';
import { RubricSchema, type Rubric } from '@/grading/written/rubric';
import { splitSentences } from '@/grading/written/split-sentences';

const rubric: Rubric = RubricSchema.parse({
  id: 'tiny',
  version: 3,
  passScore: 50,
  concepts: [
    { id: 'rollback', name: 'Rollback', weight: 30, description: 'How to undo.', phrasings: ['roll back', 'revert'], followUp: 'How fast can you roll back?' },
    { id: 'metrics', name: 'Metrics', weight: 50, description: 'What to watch.', phrasings: ['error rate', 'latency'], followUp: 'Which metrics?' },
    { id: 'canary', name: 'Canary', weight: 20, description: 'Small exposure.', phrasings: ['small percentage of traffic'], followUp: 'How small?' },
  ],
});

describe('gradeWritten', () => {
  it('weights covered concepts, quotes the sentence that earned each, and asks the follow-up for the rest', () => {
    const answer = 'We watch the error rates of the new version closely for an hour. If it looks bad we rolled back the release right away.';
    const result = gradeWritten({ answer, rubric });
    expect(result.score).toBe(80);
    expect(result.status).toBe('passed');
    expect(result.gradedVersion).toBe('rubric:tiny@3');
    expect(result.tests).toEqual([
      expect.objectContaining({ name: 'Rollback', status: 'pass', concept: 'rollback', weight: 30, evidence: 'If it looks bad we rolled back the release right away.' }),
      expect.objectContaining({ name: 'Metrics', status: 'pass', evidence: 'We watch the error rates of the new version closely for an hour.' }),
      expect.objectContaining({ name: 'Canary', status: 'fail', message: 'Small exposure.', followUp: 'How small?' }),
    ]);
    expect(result.tests[2]).not.toHaveProperty('evidence');
    expect(result.message).toBe('You covered 2 of 3 concepts. Missing: Canary.');
  });

  it('allows one filler word inside a phrasing but not a whole clause', () => {
    const near = gradeWritten({ answer: 'Send a small percentage of the live traffic to the new version first, then widen it.', rubric });
    expect(near.tests[2]!.status).toBe('pass');
    const far = gradeWritten({ answer: 'Only a small percentage of our engineers ever look at the traffic graphs in production.', rubric });
    expect(far.tests[2]!.status).toBe('fail');
  });

  it('fails below the pass score and scores an empty answer 0', () => {
    expect(gradeWritten({ answer: 'It is important to revert bad releases quickly when customers notice.', rubric })).toMatchObject({ score: 30, status: 'failed' });
    expect(gradeWritten({ answer: '   ', rubric })).toMatchObject({ score: 0, status: 'failed', message: 'The answer is empty.' });
  });

  it('scores a bare list of terms well below an explanation of the same terms, with advice', () => {
    const explained = gradeWritten({
      answer: 'Send a small percentage of traffic to the new version first. Watch its error rate and latency against the old version. If they get worse, roll back immediately.',
      rubric,
    });
    const list = gradeWritten({ answer: 'small percentage of traffic, error rate, latency, roll back', rubric });
    const bullets = gradeWritten({ answer: '- small percentage of traffic\n- error rate\n- roll back', rubric });
    expect(explained).toMatchObject({ score: 100, advice: [] });
    expect(list.score).toBe(40);
    expect(bullets.score).toBe(40);
    expect(list.advice[0]).toMatch(/reads as a list of terms/);
  });

  it('is deterministic', () => {
    const answer = 'We roll back when the error rate rises above the threshold we agreed.';
    const { durationMs: _a, ...first } = gradeWritten({ answer, rubric });
    const { durationMs: _b, ...second } = gradeWritten({ answer, rubric });
    expect(first).toEqual(second);
  });
});

describe('isKeywordList', () => {
  it('accepts prose whose sentences list things, and flags comma runs of terms', () => {
    expect(isKeywordList(splitSentences('We compare error rate, latency, saturation and throughput against the baseline every minute.'))).toBe(false);
    expect(isKeywordList(splitSentences('canary, baseline, rollback, thresholds, bake time, synthetic traffic'))).toBe(true);
  });
});

describe('RubricSchema', () => {
  it('rejects bad rubrics with messages a person understands', () => {
    const result = RubricSchema.safeParse({
      id: 'r',
      version: 1,
      concepts: [
        { id: 'a', name: 'A', weight: 'ten', description: 'd', phrasings: ['x'], followUp: 'f' },
        { id: 'a', name: 'B', weight: 5, description: 'd', phrasings: [], followUp: 'f' },
      ],
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toMatchObject({
      'concepts.0.weight': 'expected a number',
      'concepts.1.phrasings': 'List at least one phrasing that shows this concept.',
    });
    expect(RubricSchema.parse({ id: 'r', version: 1, concepts: [{ id: 'a', name: 'A', weight: 1, description: 'd', phrasings: ['x'], followUp: 'f' }] }).passScore).toBe(60);
  });

  it('rejects duplicate concept ids', () => {
    const concept = { id: 'same', name: 'A', weight: 1, description: 'd', phrasings: ['x'], followUp: 'f' };
    const result = RubricSchema.safeParse({ id: 'r', version: 1, concepts: [concept, concept] });
    expect(result.error?.issues[0]).toMatchObject({ path: ['concepts', 1, 'id'], message: 'The concept id "same" is used twice.' });
  });
});
