// Admins edit rubrics, so a bad one is refused with a message that says what to fix, at the path
// of the field to fix.
import { describe, expect, it } from 'vitest';
import { RubricSchema } from '@/grading/written/rubric';

const concept = { id: 'rollback', name: 'Rollback', weight: 10, description: 'Undo quickly.', phrasings: ['roll back'], followUp: 'How fast?' };
const rubric = { id: 'canary-vs-blue-green', version: 1, concepts: [concept] };

function messages(input: unknown): Record<string, string> {
  const result = RubricSchema.safeParse(input);
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('RubricSchema', () => {
  it('reads a format-1 rubric as one claim per concept, and defaults the pass score to 70', () => {
    const { phrasings, ...rest } = concept;
    expect(RubricSchema.parse(rubric)).toEqual({
      ...rubric,
      passScore: 70,
      concepts: [{ ...rest, claims: [{ id: 'main', text: 'Undo quickly.', weight: 1, phrasings }], misconceptions: [], anchors: [] }],
    });
  });

  it('accepts claims, misconceptions and anchors, and names a contradicted claim that does not exist', () => {
    const v2 = {
      id: 'r',
      version: 2,
      concepts: [
        {
          id: 'rollback',
          name: 'Rollback',
          weight: 10,
          description: 'Undo quickly.',
          followUp: 'How fast?',
          claims: [{ id: 'fast', text: 'It takes seconds.', phrasings: ['in seconds'] }],
          misconceptions: [{ id: 'never', text: 'Never needed.', phrasings: ['never roll back'], correction: 'Roll back at once.', contradicts: ['fast', 'slow'] }],
          anchors: ['roll back'],
        },
      ],
    };
    expect(messages(v2)).toEqual({ 'concepts.0.misconceptions.0.contradicts.1': '"slow" is not a claim of this concept.' });
    const ok = RubricSchema.parse({ ...v2, concepts: [{ ...v2.concepts[0]!, misconceptions: [{ ...v2.concepts[0]!.misconceptions[0]!, contradicts: ['fast'] }] }] });
    expect(ok.concepts[0]!.misconceptions[0]).toMatchObject({ penalty: 15, contradicts: ['fast'] });
    expect(messages({ ...v2, concepts: [{ ...v2.concepts[0]!, claims: [], misconceptions: [] }] })).toEqual({ 'concepts.0.claims': 'A concept needs at least one claim.' });
  });

  it('names the field and the fix for each problem in a concept', () => {
    expect(
      messages({
        ...rubric,
        concepts: [
          { ...concept, id: 'Roll Back', weight: 0, phrasings: [] },
          { ...concept, id: 'b', name: ' ', description: 'one\ntwo', followUp: '' },
          { ...concept, id: 'c', phrasings: ['(small|tiny share', 'the'] },
        ],
      }),
    ).toEqual({
      'concepts.0.id': 'An id uses lower-case letters, digits and hyphens, e.g. "rollback-plan".',
      'concepts.0.weight': 'A weight is greater than 0.',
      'concepts.0.claims.0.phrasings': 'List at least one phrasing that states this claim.',
      'concepts.1.name': 'Each concept needs a name.',
      'concepts.1.description': 'The one-line description is one line.',
      'concepts.1.followUp': 'Each concept needs a follow-up question.',
      'concepts.2.claims.0.phrasings.0': '"(small|tiny share": There is a "(" without a matching ")".',
      'concepts.2.claims.0.phrasings.1': '"the" has no word to match once filler words like "the" are ignored.',
    });
  });

  it('keeps "expected a number" for numbers given as text, which the bundle importer extends with what it found', () => {
    expect(messages({ ...rubric, concepts: [{ ...concept, weight: 'heavy' }] })).toEqual({ 'concepts.0.weight': 'expected a number' });
  });

  it('checks the rubric fields', () => {
    expect(messages({ id: 'canary v2', version: 0, passScore: 101, concepts: [] })).toEqual({
      id: 'A rubric id has no spaces or "@", e.g. "canary-vs-blue-green".',
      version: 'A rubric version starts at 1.',
      passScore: 'A pass score is between 0 and 100.',
      concepts: 'A rubric needs at least one concept.',
    });
    expect(messages({ ...rubric, concepts: 'none' })).toEqual({ concepts: 'A rubric needs a list of concepts.' });
    expect(messages({ ...rubric, passScore: 62.5 })).toEqual({ passScore: 'A pass score is a whole number.' });
  });

  it('rejects a concept id used twice, at the second use', () => {
    expect(messages({ ...rubric, concepts: [concept, concept] })).toEqual({ 'concepts.1.id': 'The concept id "rollback" is used twice.' });
  });
});
