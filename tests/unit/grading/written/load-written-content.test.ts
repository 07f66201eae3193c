// The seeder loads content folders through loadWrittenContent; a broken file must be named, with
// the field that is wrong.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORE_LABELS } from '@/grading/written/calibration';
import { loadWrittenContent } from '@/grading/written/load-written-content';

const CANARY = path.join(process.cwd(), 'seeds', 'content', 'explain-canary-releases-contrast-blue-green');

const rubric = {
  id: 'tiny',
  version: 1,
  concepts: [{ id: 'rollback', name: 'Rollback', weight: 1, description: 'Undo quickly.', phrasings: ['roll back'], followUp: 'How fast?' }],
};
const samples = CORE_LABELS.map((label) => ({ label, band: { min: 0, max: 100 }, answer: `A ${label} answer.` }));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'written-content-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, unknown>) {
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
}

describe('loadWrittenContent', () => {
  it('loads a seed question folder: rubric, model answer and calibration', async () => {
    const content = await loadWrittenContent(CANARY);
    expect(content.rubric).toMatchObject({ id: 'canary-vs-blue-green', version: 2, passScore: 70 });
    expect(content.rubric.concepts.every((c) => c.claims.length >= 1 && c.claims.length <= 4)).toBe(true);
    expect(content.rubric.concepts.some((c) => c.misconceptions.length > 0)).toBe(true);
    expect(content.modelAnswer).toMatch(/canary/i);
    expect(content.calibration.samples.map((s) => s.label)).toEqual(expect.arrayContaining([...CORE_LABELS]));
  });

  it('names the file and the field when the rubric is invalid', async () => {
    write({ 'rubric.json': { ...rubric, concepts: [{ ...rubric.concepts[0], weight: -1 }] }, 'calibration.json': { samples }, 'model-answer.md': 'Roll back.' });
    await expect(loadWrittenContent(dir)).rejects.toThrow(`${path.join(dir, 'rubric.json')}: concepts.0.weight: A weight is greater than 0.`);
  });

  it('names a missing file, a file that is not JSON, and an empty model answer', async () => {
    write({ 'rubric.json': rubric, 'model-answer.md': 'Roll back.' });
    await expect(loadWrittenContent(dir)).rejects.toThrow(`${path.join(dir, 'calibration.json')}: the file is missing.`);
    write({ 'calibration.json': '{ "samples": [' });
    await expect(loadWrittenContent(dir)).rejects.toThrow(new RegExp(`^${path.join(dir, 'calibration.json').replace(/[.\\/]/g, '\\$&')}: not valid JSON`));
    write({ 'calibration.json': { samples }, 'model-answer.md': '  \n' });
    await expect(loadWrittenContent(dir)).rejects.toThrow(`${path.join(dir, 'model-answer.md')}: the model answer is empty.`);
  });

  it('requires the five core calibration labels, once each, and sane bands', async () => {
    const bad = [...samples.slice(1), { ...samples[1]!, band: { min: 60, max: 40 } }];
    write({ 'rubric.json': rubric, 'calibration.json': { samples: bad }, 'model-answer.md': 'Roll back.' });
    await expect(loadWrittenContent(dir)).rejects.toThrow(
      `${path.join(dir, 'calibration.json')}: samples.4.band.max: The lowest expected score must not exceed the highest.; samples.4.label: The label "partial" is used twice.; samples: Add a sample for each of: "strong".`,
    );
  });
});
