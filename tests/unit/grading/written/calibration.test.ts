// Grades every written question's calibration set: each sample must land in its band, and the
// ordering strong > partial > weak > off-topic (and keyword-list < strong) must hold.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeWritten } from '@/grading/written/grade-written';
import { loadWrittenContent } from '@/grading/written/load-written-content';

const CONTENT = path.join(process.cwd(), 'seeds', 'content');
const written = readdirSync(CONTENT).filter((slug) => existsSync(path.join(CONTENT, slug, 'rubric.json')));

it('finds the three written seed questions', () => {
  expect(written.sort()).toEqual([
    'describe-feature-flags-feature-toggles-decouple',
    'explain-canary-releases-contrast-blue-green',
    'software-engineer-explain-difference-continuous-integration',
  ]);
});

describe.each(written)('%s', (slug) => {
  it('every calibration sample lands in its band, in the right order', async () => {
    const { rubric, calibration, modelAnswer } = await loadWrittenContent(path.join(CONTENT, slug));
    const scores: Record<string, number> = {};
    for (const sample of calibration.samples) {
      const { score } = gradeWritten({ answer: sample.answer, rubric });
      scores[sample.label] = score;
      expect(score, `${sample.label} scored ${score}, expected ${sample.band.min}–${sample.band.max}`).toBeGreaterThanOrEqual(sample.band.min);
      expect(score, `${sample.label} scored ${score}, expected ${sample.band.min}–${sample.band.max}`).toBeLessThanOrEqual(sample.band.max);
    }
    expect(Object.keys(scores)).toEqual(expect.arrayContaining(['strong', 'partial', 'weak', 'off-topic', 'keyword-list']));
    expect(scores.strong).toBeGreaterThan(scores.partial!);
    expect(scores.partial).toBeGreaterThan(scores.weak!);
    expect(scores.weak).toBeGreaterThanOrEqual(scores['off-topic']!);
    expect(scores['keyword-list']).toBeLessThan(scores.strong!);
    // The model answer we show after an attempt must itself pass.
    expect(gradeWritten({ answer: modelAnswer, rubric }).status).toBe('passed');
  });
});
