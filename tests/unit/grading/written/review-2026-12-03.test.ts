// General rule defects an experienced interviewer found on 2026-12-03, reviewing the offline
// written grader with answers they scored before reading its grades (the same answers are in the
// dev sets as "review-*"). Each test uses the interviewer's own wording against the real seed
// rubric; the expectation is what they said an interviewer would make of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeWritten } from '@/grading/written/grade-written';
import { RubricSchema } from '@/grading/written/rubric';

const rubricOf = (slug: string) => RubricSchema.parse(JSON.parse(readFileSync(`seeds/content/${slug}/rubric.json`, 'utf8')));
const CANARY = rubricOf('explain-canary-releases-contrast-blue-green');

const grade = (answer: string, rubric = CANARY) => {
  const result = gradeWritten({ answer, rubric });
  const claims = new Map(result.tests.flatMap((t) => (t.claims ?? []).map((c) => [c.id, c] as const)));
  return { result, claim: (id: string) => claims.get(id)! };
};

describe('negation over coordinated verb phrases', () => {
  it('denies every part of "didn\'t send … and compare … and roll back …"', () => {
    const { result, claim } = grade(
      "At my last company we didn't send 5% of traffic to a canary and compare error rate and latency against a baseline and roll back automatically when thresholds were breached, because nobody had time to build it.",
    );
    for (const id of ['five-percent', 'baseline', 'signals', 'traffic-back', 'fast', 'automated-analysis']) expect(claim(id).status).not.toBe('met');
    expect(result.score).toBeLessThanOrEqual(10);
  });

  it('keeps a second clause with its own subject positive', () => {
    const { claim } = grade("We didn't use a canary at first and we compared error rate and p99 latency against a baseline of the stable version.");
    expect(claim('baseline').status).toBe('met');
  });
});
