// Grades every written question's calibration set (seeds/content/*/ with a calibration.json; code
// questions, and seed-topic questions validated against their dev sets, live beside them without one). Each sample must land in its band, and the ordering
// strong > partial > weak > off-topic, keyword-list < strong must hold. The model answer shown
// after an attempt must itself pass.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeWritten } from '@/grading/written/grade-written';
import { loadWrittenContent } from '@/grading/written/load-written-content';

const CONTENT = path.join(process.cwd(), 'seeds', 'content');
const slugs = readdirSync(CONTENT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(CONTENT, entry.name, 'calibration.json')))
  .map((entry) => entry.name)
  .sort();
const contents = await Promise.all(slugs.map(async (slug) => ({ slug, ...(await loadWrittenContent(path.join(CONTENT, slug))) })));

it('finds the three written seed questions', () => {
  expect(slugs).toEqual(
    expect.arrayContaining([
      'describe-feature-flags-feature-toggles-decouple',
      'explain-canary-releases-contrast-blue-green',
      'software-engineer-explain-difference-continuous-integration',
    ]),
  );
});

describe.each(contents)('$slug', ({ rubric, calibration, modelAnswer }) => {
  const scores = Object.fromEntries(calibration.samples.map((s) => [s.label, gradeWritten({ answer: s.answer, rubric }).score]));
  const score = (label: string) => scores[label] ?? Number.NaN;

  it.each(calibration.samples.map((s) => [s.label, s.band.min, s.band.max] as const))('the %s sample scores within %i–%i', (label, min, max) => {
    expect(score(label)).toBeGreaterThanOrEqual(min);
    expect(score(label)).toBeLessThanOrEqual(max);
  });

  it('orders strong > partial > weak > off-topic, and keyword-list < strong', () => {
    expect(score('strong')).toBeGreaterThan(score('partial'));
    expect(score('partial')).toBeGreaterThan(score('weak'));
    expect(score('weak')).toBeGreaterThan(score('off-topic'));
    expect(score('keyword-list')).toBeLessThan(score('strong'));
  });

  it('flags the keyword-list sample as a list of terms, and not the strong one', () => {
    const sample = (label: string) => calibration.samples.find((s) => s.label === label)!.answer;
    expect(gradeWritten({ answer: sample('keyword-list'), rubric }).advice.join(' ')).toMatch(/list of terms/);
    expect(gradeWritten({ answer: sample('strong'), rubric }).advice).toEqual([]);
  });

  it('passes the model answer', () => {
    expect(gradeWritten({ answer: modelAnswer, rubric }).status).toBe('passed');
  });
});
