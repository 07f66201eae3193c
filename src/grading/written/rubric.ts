// A rubric: the concepts a strong answer covers, how much each is worth, the phrasings that show
// it, and what an interviewer would ask when it is missing. Admins edit these, so every field
// carries a message a person understands. (Type errors on numbers keep zod's "expected a number":
// the bundle importer appends what it found, e.g. `expected a number, found "heavy"`.)
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

export const ConceptSchema = z.object({
  id: z
    .string({ error: 'Each concept needs an id.' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A concept id uses lower-case letters, digits and hyphens, e.g. "rollback-plan".'),
  name: z.string({ error: 'Each concept needs a name.' }).trim().min(1, 'Each concept needs a name.').max(120, 'A name is at most 120 characters.'),
  weight: z.number({ error: 'expected a number' }).positive('A weight is greater than 0.').max(100, 'A weight is at most 100.'),
  description: z
    .string({ error: 'Each concept needs a one-line description.' })
    .trim()
    .min(1, 'Each concept needs a one-line description.')
    .max(300, 'A description is one line, at most 300 characters.')
    .refine((text) => !/[\r\n]/.test(text), 'A description is one line.'),
  phrasings: z
    .array(PhrasingSchema, { error: 'List the phrasings that show this concept.' })
    .min(1, 'List at least one phrasing that shows this concept.'),
  followUp: z
    .string({ error: 'Each concept needs a follow-up question.' })
    .trim()
    .min(1, 'Each concept needs a follow-up question.')
    .max(300, 'A follow-up question is at most 300 characters.'),
});
export type Concept = z.infer<typeof ConceptSchema>;

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
      .default(60),
    concepts: z.array(ConceptSchema, { error: 'A rubric needs a list of concepts.' }).min(1, 'A rubric needs at least one concept.'),
  })
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.concepts.forEach((concept, i) => {
      if (seen.has(concept.id)) {
        ctx.addIssue({ code: 'custom', path: ['concepts', i, 'id'], message: `The concept id "${concept.id}" is used twice.` });
      }
      seen.add(concept.id);
    });
  });
export type Rubric = z.infer<typeof RubricSchema>;
