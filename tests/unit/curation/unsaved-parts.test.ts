// "Unsaved" is "differs from the last save", normalised the way the save does: a change typed and
// undone, a removed item written again, re-indented tests or re-spaced tags are no change.
import { describe, expect, it } from 'vitest';
import { toDraft, withHarnessName, type MaterialDraft } from '@/components/admin/material-draft';
import { leaveMessage, listInWords, unsavedMaterialParts, unsavedQuestionParts, unsavedTopicParts, type QuestionFields } from '@/components/admin/unsaved-parts';
import type { Material } from '@/server/curation/schemas';

const question: QuestionFields = { topicId: 't1', prompt: 'Explain a rollback.', slug: 'rollback', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: 'deploys, canary' };

const written: Material = {
  rubric: {
    id: 'rollback',
    version: 1,
    passScore: 70,
    concepts: [{ id: 'undo', name: 'Undo', weight: 1, description: 'Undo it.', followUp: '', claims: [{ id: 'back', text: 'Traffic goes back.', weight: 1, phrasings: ['roll back'] }], misconceptions: [], anchors: [] }],
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

const writtenDraft = () => toDraft(written, { slug: 'rollback', version: 1, isWritten: true });
const codeDraft = (spec?: MaterialDraft['spec']) => ({ ...toDraft(code, { slug: 'manifests', version: 1, isWritten: false }), ...(spec ? { spec, loaded: { harness: null, spec } } : {}) });

describe('unsaved question fields', () => {
  it('names the fields that differ, and only those', () => {
    expect(unsavedQuestionParts(question, question)).toEqual([]);
    expect(unsavedQuestionParts({ ...question, prompt: 'Explain a roll-forward.', tags: 'deploys' }, question)).toEqual(['prompt', 'tags']);
    expect(unsavedQuestionParts({ ...question, topicId: 't2', difficulty: 'HARD', answerKind: 'PYTHON' }, question)).toEqual(['topic', 'difficulty', 'answer kind']);
  });

  it('counts a change typed and undone as none', () => {
    const typed = { ...question, prompt: `${question.prompt}!` };
    expect(unsavedQuestionParts(typed, question)).toEqual(['prompt']);
    expect(unsavedQuestionParts({ ...typed, prompt: question.prompt }, question)).toEqual([]);
  });

  it('compares as the save stores: a trimmed prompt, tags lower-cased and once each', () => {
    expect(unsavedQuestionParts({ ...question, prompt: `  ${question.prompt}\n`, tags: 'Deploys,canary , canary,' }, question)).toEqual([]);
    expect(unsavedQuestionParts({ ...question, tags: 'canary, deploys' }, question)).toEqual(['tags']);
    // A tag saved with a space before tags were hyphenated is the same tag as its hyphenated form.
    expect(unsavedQuestionParts({ ...question, tags: 'deploys, error-budget' }, { ...question, tags: 'deploys, Error budget' })).toEqual([]);
  });
});

describe('unsaved grading material', () => {
  it('names the written parts that differ', () => {
    const saved = writtenDraft();
    expect(unsavedMaterialParts(saved, saved, true)).toEqual([]);
    const edited = { ...saved, modelAnswer: 'Other.', samples: [] };
    expect(unsavedMaterialParts(edited, saved, true)).toEqual(['calibration samples', 'model answer']);
    const concept = saved.rubric!.concepts[0]!;
    const rubric = { ...saved.rubric!, concepts: [{ ...concept, claims: [{ ...concept.claims[0]!, phrasings: 'roll back\nrevert' }] }] };
    expect(unsavedMaterialParts({ ...saved, rubric }, saved, true)).toEqual(['rubric']);
  });

  it('counts a sample removed and written again the same as no change (its key differs)', () => {
    const saved = writtenDraft();
    const again = { ...saved, samples: saved.samples.map((s) => ({ ...s, key: 'new-key' })) };
    expect(unsavedMaterialParts(again, saved, true)).toEqual([]);
  });

  it('compares as the save stores: phrasing lines trimmed, a blank model answer as none', () => {
    const saved = { ...writtenDraft(), modelAnswer: '' };
    const concept = saved.rubric!.concepts[0]!;
    const rubric = { ...saved.rubric!, concepts: [{ ...concept, claims: [{ ...concept.claims[0]!, phrasings: '  roll back \n\n' }] }] };
    expect(unsavedMaterialParts({ ...saved, rubric, modelAnswer: '   ' }, saved, true)).toEqual([]);
  });

  it('names the code parts that differ, and reads the tests as data', () => {
    const spec = { kit: 'python-kit' as const, text: JSON.stringify({ version: 2, cases: [{ name: 'a' }] }, null, 2) };
    const saved = codeDraft(spec);
    expect(unsavedMaterialParts(saved, saved, false)).toEqual([]);
    // Re-indented: the same tests.
    expect(unsavedMaterialParts({ ...saved, spec: { ...spec, text: JSON.stringify({ version: 2, cases: [{ name: 'a' }] }) } }, saved, false)).toEqual([]);
    // Half-typed JSON is a change until it is the saved text again.
    expect(unsavedMaterialParts({ ...saved, spec: { ...spec, text: '{"version": 2,' } }, saved, false)).toEqual(['tests']);
    expect(unsavedMaterialParts({ ...saved, reference: 'x', starterCode: 'y', variants: [] }, saved, false)).toEqual(['reference solution', 'known-bad variants', 'starter code']);
  });

  it('counts another harness chosen and then the first again as no change', () => {
    const saved = codeDraft();
    const other = { ...saved, ...withHarnessName(saved, 'python-canary-verdict') };
    expect(unsavedMaterialParts(other, saved, false)).toContain('harness');
    const back = { ...other, ...withHarnessName(other, 'python-compare-manifests') };
    expect(back.setAside).not.toEqual(saved.setAside);
    expect(unsavedMaterialParts(back, saved, false)).toEqual([]);
  });
});

describe('the words', () => {
  it('lists parts as a sentence does', () => {
    expect(listInWords(['prompt'])).toBe('prompt');
    expect(listInWords(['prompt', 'tags'])).toBe('prompt and tags');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('names every section with unsaved parts in the confirmation', () => {
    expect(leaveMessage([{ name: 'the question', parts: ['prompt'] }, { name: 'the grading material', parts: ['rubric', 'model answer'] }])).toBe(
      'You have unsaved changes to the question (prompt) and the grading material (rubric and model answer). Leave this page and lose them?',
    );
  });
});

describe('unsavedTopicParts', () => {
  const topic = { name: 'Deploys', slug: 'deploys', description: 'Shipping safely.', published: false };

  it('names the fields that differ from the saved topic, and not spaces the save trims', () => {
    expect(unsavedTopicParts({ ...topic, name: ' Deploys ', description: 'Shipping safely. ' }, topic)).toEqual([]);
    expect(unsavedTopicParts({ ...topic, slug: 'deploys-2', published: true }, topic)).toEqual(['slug', 'published']);
  });
});
