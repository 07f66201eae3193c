// The material editor's working copy converts to the stored shape and back without losing
// anything, and turns the phrasings box (one per line) into a list.
import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from '@/components/admin/material-draft';
import { MaterialSchema, type Material } from '@/server/curation/schemas';

const written: Material = {
  rubric: {
    id: 'canary',
    version: 2,
    passScore: 70,
    concepts: [{ id: 'rollback', name: 'Rollback', weight: 2, description: 'Undo it.', phrasings: ['roll back', 'revert'], followUp: 'How fast?' }],
  },
  harness: null,
  modelAnswer: 'Model.',
  starterCode: null,
  validation: { kind: 'written', calibration: [{ label: 'weak', band: { min: 0, max: 30 }, answer: 'Meh.' }] },
};

const code: Material = {
  rubric: null,
  harness: { name: 'python-compare-manifests', version: 1, brief: 'Return a bool.' },
  modelAnswer: null,
  starterCode: 'def f(): ...',
  validation: { kind: 'code', reference: 'def f(): return True', badVariants: [{ name: 'always-false', code: 'def f(): return False' }] },
};

describe('material drafts', () => {
  it('round-trips written material', () => {
    const draft = toDraft(written, { slug: 'canary', version: 2, isWritten: true });
    expect(draft.rubric?.concepts[0]?.phrasings).toBe('roll back\nrevert');
    expect(MaterialSchema.parse(fromDraft(draft, true))).toEqual(written);
  });

  it('round-trips code material', () => {
    const draft = toDraft(code, { slug: 'manifests', version: 1, isWritten: false });
    expect(MaterialSchema.parse(fromDraft(draft, false))).toEqual(code);
  });

  it('starts an empty rubric for a new written question and drops blank phrasing lines', () => {
    const draft = toDraft({ rubric: null, harness: null, modelAnswer: null, starterCode: null, validation: null }, { slug: 'new-q', version: 1, isWritten: true });
    expect(draft.rubric).toMatchObject({ id: 'new-q', version: 1, passScore: 60, concepts: [] });
    // No concepts yet: saved as no rubric, so the rest of a part-written draft can be saved.
    expect(fromDraft(draft, true).rubric).toBeNull();
    draft.rubric!.concepts.push({ key: 'k', id: 'a', name: 'A', weight: 1, description: 'd', phrasings: 'one\n\n  two  \n', followUp: 'f', rest: {} });
    expect(fromDraft(draft, true).rubric?.concepts[0]?.phrasings).toEqual(['one', 'two']);
  });
});
