// Stored material reads back in the curated shape, including versions the seed content wrote
// before curation existed (no `kind`, calibration as { samples }).
import { describe, expect, it } from 'vitest';
import { materialHash, stableJson } from '@/server/curation/material-hash';
import { readMaterial } from '@/server/curation/read-material';
import { materialKindProblems } from '@/server/curation/schemas';

const rubric = {
  id: 'r',
  version: 1,
  passScore: 60,
  concepts: [{ id: 'c', name: 'C', weight: 1, description: 'd', followUp: 'f', claims: [{ id: 'main', text: 'd', weight: 1, phrasings: ['p'] }], misconceptions: [], anchors: [] }],
};
const sample = { label: 'weak', band: { min: 0, max: 30 }, answer: 'meh' };

describe('readMaterial', () => {
  it('reads seed-style written validation as curated calibration samples', () => {
    const { material, problems } = readMaterial(
      { rubric, harness: null, modelAnswer: 'model', starterCode: null, validation: { calibration: { samples: [{ ...sample, notes: 'x' }] } } },
      'WRITTEN',
    );
    expect(problems).toEqual([]);
    expect(material.validation).toEqual({ kind: 'written', calibration: [sample] });
  });

  it("keeps an interviewer's score with its sample, and reports one that is not a score", () => {
    const scored = { ...sample, expertScore: 25 };
    const stored = (expertScore: unknown) => ({ rubric, harness: null, modelAnswer: 'model', starterCode: null, validation: { kind: 'written', calibration: [{ ...sample, expertScore }] } });
    expect(readMaterial(stored(25), 'WRITTEN')).toEqual({ material: expect.objectContaining({ validation: { kind: 'written', calibration: [scored] } }), problems: [] });
    // Seed-style ({ samples }) too: the seeds' dev sets carry their interviewer's scores.
    const seedStyle = readMaterial({ ...stored(25), validation: { calibration: { samples: [scored] } } }, 'WRITTEN');
    expect(seedStyle.material.validation).toEqual({ kind: 'written', calibration: [scored] });
    // The score changes the material: a change to it alone is a change to save or publish.
    expect(materialHash(readMaterial(stored(25), 'WRITTEN').material)).not.toBe(materialHash(readMaterial(stored(26), 'WRITTEN').material));
    const broken = readMaterial(stored(250), 'WRITTEN');
    expect(broken.problems).toEqual(['validation.calibration.0.expertScore: A score is between 0 and 100. (the sample is kept without it)']);
  });

  it("keeps the calibration samples when a stored interviewer's score is not a score, leaving out only that score", () => {
    // Versions stored before the editor checked scores were readable while the score was dropped;
    // a broken score must not now empty the whole validation part (its samples with it).
    const stored = (expertScore: unknown) => ({ rubric, harness: null, modelAnswer: 'model', starterCode: null, validation: { kind: 'written', calibration: [{ ...sample, expertScore }, { ...sample, label: 'scored', expertScore: 10 }] } });
    for (const [odd, problem] of [
      [250, 'A score is between 0 and 100.'],
      [72.5, 'A score is a whole number.'],
      ['72', 'expected a number'],
      [null, 'expected a number'],
    ] as const) {
      const { material, problems } = readMaterial(stored(odd), 'WRITTEN');
      expect(material.validation).toEqual({ kind: 'written', calibration: [sample, { ...sample, label: 'scored', expertScore: 10 }] });
      expect(problems).toEqual([`validation.calibration.0.expertScore: ${problem} (the sample is kept without it)`]);
    }
    // Seed-style ({ samples }) as well.
    const seedStyle = readMaterial({ ...stored(250), validation: { calibration: { samples: [{ ...sample, expertScore: 250 }] } } }, 'WRITTEN');
    expect(seedStyle.material.validation).toEqual({ kind: 'written', calibration: [sample] });
  });

  it('reads seed-style code validation with no bad variants', () => {
    const { material } = readMaterial(
      { rubric: null, harness: { name: 'bash-deploy', version: 1, brief: 'Use set -e.' }, modelAnswer: null, starterCode: '#!/bin/bash', validation: { reference: 'echo hi' } },
      'BASH',
    );
    expect(material.validation).toEqual({ kind: 'code', reference: 'echo hi', badVariants: [] });
    expect(material.harness).toEqual({ name: 'bash-deploy', version: 1, brief: 'Use set -e.' });
  });

  it('reports unreadable parts and keeps the rest', () => {
    const { material, problems } = readMaterial(
      { rubric: { ...rubric, concepts: 'none' }, harness: null, modelAnswer: 'kept', starterCode: null, validation: null },
      'WRITTEN',
    );
    expect(material.rubric).toBeNull();
    expect(material.modelAnswer).toBe('kept');
    expect(problems).toEqual(['rubric.concepts: A rubric needs a list of concepts.']);
  });

  it('treats blank text as absent', () => {
    const { material } = readMaterial({ rubric: null, harness: null, modelAnswer: '  ', starterCode: '', validation: null }, 'WRITTEN');
    expect(material).toEqual({ rubric: null, harness: null, modelAnswer: null, starterCode: null, validation: null });
  });
});

describe('materialHash', () => {
  it('ignores key order, as jsonb does not keep it', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const a = { rubric, harness: null, modelAnswer: 'x', starterCode: null, validation: null };
    const b = { validation: null, starterCode: null, modelAnswer: 'x', harness: null, rubric: { ...rubric } };
    expect(materialHash(a)).toBe(materialHash(b));
    expect(materialHash({ ...a, modelAnswer: 'y' })).not.toBe(materialHash(a));
  });
});

describe('materialKindProblems', () => {
  it('wants a rubric for written answers and a harness for code', () => {
    const material = { rubric: null, harness: { name: 'bash-deploy', version: 1 }, modelAnswer: null, starterCode: null, validation: { kind: 'written' as const, calibration: [] } };
    expect(materialKindProblems('WRITTEN', material).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      'harness: A written question has a rubric, not a harness.',
    ]);
    expect(materialKindProblems('BASH', material).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      'validation.kind: expected "code" for a code question',
    ]);
  });
});
