// The material editor's working copy converts to the stored shape and back without losing
// anything (claims, misconceptions, anchors), and turns the one-per-line boxes into lists.
import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from '@/components/admin/material-draft';
import { MaterialSchema, type Material } from '@/server/curation/schemas';

const written: Material = {
  rubric: {
    id: 'canary',
    version: 2,
    passScore: 70,
    concepts: [
      {
        id: 'rollback',
        name: 'Rollback',
        weight: 2,
        description: 'Undo it.',
        followUp: 'How fast?',
        claims: [
          { id: 'traffic-back', text: 'Traffic goes back.', weight: 1, phrasings: ['roll back', 'revert'] },
          { id: 'seconds', text: 'In seconds.', weight: 2, phrasings: ['in seconds'] },
        ],
        misconceptions: [{ id: 'never', text: 'Never needed.', phrasings: ['never roll back'], correction: 'Roll back at once.', penalty: 15, contradicts: ['traffic-back'] }],
        anchors: ['roll back'],
      },
    ],
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
    expect(draft.rubric?.concepts[0]?.claims[0]?.phrasings).toBe('roll back\nrevert');
    expect(draft.rubric?.concepts[0]?.misconceptions[0]).toMatchObject({ correction: 'Roll back at once.', contradicts: 'traffic-back' });
    expect(MaterialSchema.parse(fromDraft(draft, true))).toEqual(written);
  });

  it('round-trips code material', () => {
    const draft = toDraft(code, { slug: 'manifests', version: 1, isWritten: false });
    expect(MaterialSchema.parse(fromDraft(draft, false))).toEqual(code);
  });

  it('starts an empty rubric for a new written question and drops blank phrasing lines', () => {
    const draft = toDraft({ rubric: null, harness: null, modelAnswer: null, starterCode: null, validation: null }, { slug: 'new-q', version: 1, isWritten: true });
    expect(draft.rubric).toMatchObject({ id: 'new-q', version: 1, passScore: 70, concepts: [] });
    // No concepts yet: saved as no rubric, so the rest of a part-written draft can be saved.
    expect(fromDraft(draft, true).rubric).toBeNull();
    draft.rubric!.concepts.push({
      key: 'k',
      id: 'a',
      name: 'A',
      weight: 1,
      description: 'd',
      followUp: 'f',
      claims: [{ key: 'c', id: '', text: '', weight: 1, phrasings: 'one\n\n  two  \n', rest: {} }],
      misconceptions: [],
      anchors: '',
      rest: {},
    });
    // An untouched claim takes an id and states the concept's description.
    expect(MaterialSchema.parse(fromDraft(draft, true)).rubric?.concepts[0]?.claims).toEqual([{ id: 'claim-1', text: 'd', weight: 1, phrasings: ['one', 'two'] }]);
  });
});
