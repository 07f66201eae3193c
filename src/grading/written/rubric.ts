// A rubric (format 2): the concepts a strong answer covers and how much each is worth. A concept
// is scored by its claims: 1–4 atomic statements, each with the phrasings that state it, so an
// answer that says more about a concept earns more of it. A concept also lists misconceptions:
// wrong statements a candidate may make, each with the correction the feedback shows and a
// penalty; a claim a misconception contradicts earns nothing. Anchor terms, when given, are what
// a sentence must be about for its claims to count ("promote" about marketing is not canary
// promotion). Admins edit these, so every field carries a message a person understands. (Type
// errors on numbers keep zod's "expected a number": the bundle importer appends what it found.)
//
// Format 2.1 adds two optional fields, so every format-2 file still loads: `together` (sets of
// phrasings that state a claim or misconception only together, in any order, within one
// sentence) and a claim's `defines` (the term it defines: credited only about that term, a
// swapped definition about another). docs/decisions/006 shows both for rubric authors.
//
// Format 1 (a concept with `phrasings` and no claims) is still read: it becomes one claim with
// those phrasings, so versions stored before format 2 stay gradable (docs/decisions/006).
import { z } from 'zod';
import { phrasingProblem } from './expand-phrasing';

const PhrasingSchema = z
  .string({ error: 'A phrasing is text, e.g. "roll back".' })
  .trim()
  .min(1, 'A phrasing cannot be empty.')
  .max(300, 'A phrasing is at most 300 characters.')
  .superRefine((phrasing, ctx) => {
    const problem = phrasingProblem(phrasing);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const IdSchema = (what: string, example: string) =>
  z
    .string({ error: `Each ${what} needs an id.` })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `An id uses lower-case letters, digits and hyphens, e.g. "${example}".`);

const oneLine = (what: string, max: number) =>
  z
    .string({ error: `Write the ${what}.` })
    .trim()
    .min(1, `Write the ${what}.`)
    .max(max, `The ${what} is at most ${max} characters.`)
    .refine((text) => !/[\r\n]/.test(text), `The ${what} is one line.`);

// Phrasings that state something only together, in any order, within one sentence: the way to
// accept a meaning however it is worded ("the old copy" … "point users back" … "straight away").
// Each set has 2–4 phrasings (the same syntax as a phrasing); any one set stating it is enough.
const Together = (what: string) =>
  z
    .array(
      z
        .array(PhrasingSchema, { error: `A "together" set lists the phrasings that state this ${what} together.` })
        .min(2, `A "together" set needs at least 2 phrasings (one phrasing alone goes under "phrasings").`)
        .max(4, 'A "together" set has at most 4 phrasings.'),
      { error: `"together" is a list of sets of phrasings.` },
    )
    .max(12, 'At most 12 "together" sets.')
    // Optional, not defaulted: a rubric object written without it stays a valid Rubric.
    .optional();

const Phrasings = (what: string) =>
  z.array(PhrasingSchema, { error: `List the phrasings that state this ${what}.` }).min(1, `List at least one phrasing that states this ${what}.`);

export const ClaimSchema = z.object({
  id: IdSchema('claim', 'instant-switch-back'),
  // The statement itself, shown as "not yet said" when a concept is only partly covered.
  text: oneLine('claim', 200),
  weight: z.number({ error: 'expected a number' }).positive('A claim weight is greater than 0.').max(10, 'A claim weight is at most 10.').default(1),
  phrasings: Phrasings('claim'),
  together: Together('claim'),
  // Optional (format 2.1): the term this claim defines. The claim is credited only from a
  // sentence about that term (or about no rubric term at all); stated about one of `others` it is
  // a swapped definition: no credit, and a misconception with `correction` when one is given.
  defines: z
    .object({
      term: Phrasings('defined term'),
      others: Phrasings('other term'),
      correction: oneLine('correction', 300).optional(),
      penalty: z.number({ error: 'expected a number' }).int('A penalty is a whole number.').min(0, 'A penalty is 0 or more.').max(50, 'A penalty is at most 50.').default(15),
    })
    .optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const MisconceptionSchema = z.object({
  id: IdSchema('misconception', 'canary-needs-double-capacity'),
  // The wrong statement, in words an admin recognises ("a canary needs double capacity").
  text: oneLine('misconception', 200),
  phrasings: Phrasings('misconception'),
  together: Together('misconception'),
  correction: oneLine('correction', 300),
  // Points taken off the score (0–100) when the answer states it.
  penalty: z.number({ error: 'expected a number' }).int('A penalty is a whole number.').min(0, 'A penalty is 0 or more.').max(50, 'A penalty is at most 50.').default(15),
  // Claims of the same concept this statement contradicts; they earn nothing when it is stated.
  contradicts: z.array(z.string()).default([]),
});
export type Misconception = z.infer<typeof MisconceptionSchema>;

const ConceptV2Schema = z.object({
  id: IdSchema('concept', 'rollback-plan'),
  name: z.string({ error: 'Each concept needs a name.' }).trim().min(1, 'Each concept needs a name.').max(120, 'A name is at most 120 characters.'),
  weight: z.number({ error: 'expected a number' }).positive('A weight is greater than 0.').max(100, 'A weight is at most 100.'),
  description: oneLine('one-line description', 300),
  followUp: z
    .string({ error: 'Each concept needs a follow-up question.' })
    .trim()
    .min(1, 'Each concept needs a follow-up question.')
    .max(300, 'A follow-up question is at most 300 characters.'),
  claims: z.array(ClaimSchema, { error: 'List the claims of this concept.' }).min(1, 'A concept needs at least one claim.').max(4, 'A concept has at most 4 claims; split it.'),
  misconceptions: z.array(MisconceptionSchema).max(6, 'A concept has at most 6 misconceptions.').default([]),
  anchors: z.array(PhrasingSchema).max(20, 'At most 20 anchor terms.').default([]),
});

// A format-1 concept: the phrasings become one claim stating the description.
function upgradeConcept(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const concept = value as Record<string, unknown>;
  if (concept.claims !== undefined || !Array.isArray(concept.phrasings)) return value;
  const { phrasings, ...rest } = concept;
  const text = typeof concept.description === 'string' ? concept.description.split(/\r?\n/)[0]!.slice(0, 200) : 'The concept';
  return { ...rest, claims: [{ id: 'main', text, phrasings }] };
}

export const ConceptSchema = z.preprocess(upgradeConcept, ConceptV2Schema);
export type Concept = z.infer<typeof ConceptV2Schema>;
export type ConceptInput = z.input<typeof ConceptV2Schema>;

export const RubricSchema = z
  .object({
    // Results name it as "rubric:<id>@<version>", hence no spaces or "@".
    id: z
      .string({ error: 'A rubric needs an id.' })
      .trim()
      .min(1, 'A rubric needs an id.')
      .max(100, 'A rubric id is at most 100 characters.')
      .regex(/^[^\s@]+$/, 'A rubric id has no spaces or "@", e.g. "canary-vs-blue-green".'),
    version: z.number({ error: 'expected a number' }).int('A rubric version is a whole number.').min(1, 'A rubric version starts at 1.'),
    passScore: z
      .number({ error: 'expected a number' })
      .int('A pass score is a whole number.')
      .min(0, 'A pass score is between 0 and 100.')
      .max(100, 'A pass score is between 0 and 100.')
      .default(70),
    concepts: z.array(ConceptSchema, { error: 'A rubric needs a list of concepts.' }).min(1, 'A rubric needs at least one concept.'),
  })
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.concepts.forEach((concept, i) => {
      if (seen.has(concept.id)) {
        ctx.addIssue({ code: 'custom', path: ['concepts', i, 'id'], message: `The concept id "${concept.id}" is used twice.` });
      }
      seen.add(concept.id);
      const claimIds = new Set<string>();
      concept.claims.forEach((claim, j) => {
        if (claimIds.has(claim.id)) ctx.addIssue({ code: 'custom', path: ['concepts', i, 'claims', j, 'id'], message: `The claim id "${claim.id}" is used twice.` });
        claimIds.add(claim.id);
      });
      concept.misconceptions.forEach((m, j) => {
        m.contradicts.forEach((id, k) => {
          if (!claimIds.has(id)) {
            ctx.addIssue({ code: 'custom', path: ['concepts', i, 'misconceptions', j, 'contradicts', k], message: `"${id}" is not a claim of this concept.` });
          }
        });
      });
    });
  });
export type Rubric = z.infer<typeof RubricSchema>;
