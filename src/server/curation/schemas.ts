// Client-safe zod schemas for admin curation: topics, questions, grading material and the list
// filters. The admin forms reuse them, so the browser shows the same messages the server sends.
import { z } from 'zod';
import { ADMIN_MAX_PAGE, pageParam } from '@/lib/page-param';
import { SearchTextSchema } from '@/lib/search-text';
import { hyphenateTag } from '@/lib/tag-forms';
import { cleanText, findDisallowedInJson } from '@/lib/text-field';
import { uuidField } from '@/lib/uuid-field';
import { HarnessSpecSchema } from '@/grading/harnesses/harness-spec';
import { RubricSchema } from '@/grading/written/rubric';
import { SlugSchema } from '@/server/questions/schemas';

export { RubricSchema };
export type Rubric = z.infer<typeof RubricSchema>;

export const DIFFICULTIES = ['EASY', 'MEDIUM', 'HARD'] as const;
export const QUESTION_TYPES = ['TECHNICAL', 'SYSTEM_DESIGN', 'BEHAVIORAL'] as const;
export const ANSWER_KINDS = ['WRITTEN', 'BASH', 'PYTHON', 'CONFIG'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const IdSchema = uuidField('An id is a UUID.');

export const TopicInputSchema = z.strictObject({
  slug: SlugSchema,
  name: cleanText(z.string({ error: 'Give the topic a name.' }), 'The name').trim().min(1, 'Give the topic a name.').max(120, 'A name is at most 120 characters.'),
  description: cleanText(z.string({ error: 'Describe the topic.' }), 'The description')
    .trim()
    .min(1, 'Describe the topic.')
    .max(5_000, 'A description is at most 5,000 characters.'),
  published: z.boolean({ error: 'Published is true or false.' }),
});
export type TopicInput = z.infer<typeof TopicInputSchema>;

// A tag is a link to every question carrying it (/search?tag=…): written one way, lowercase words
// joined by hyphens, so that "Error budget" typed by one admin and "error-budget" from the seeds
// are one tag, not two halves of the subject.
export const TagsSchema = z
  .array(
    z
      .string()
      .overwrite(hyphenateTag)
      .min(1, 'A tag cannot be empty.')
      .max(40, 'A tag is at most 40 characters.')
      .regex(/^[a-z0-9][a-z0-9.+#-]*$/, 'A tag uses letters, digits and - . + # (spaces become hyphens).'),
    { error: 'Tags are a list of words.' },
  )
  .max(20, 'Use at most 20 tags.')
  .transform((tags) => [...new Set(tags)]);

export const QuestionInputSchema = z.strictObject({
  topicId: uuidField('Choose a topic.'),
  // Left out when creating: made from the prompt.
  slug: SlugSchema.optional(),
  prompt: cleanText(z.string({ error: 'Write the question.' }), 'The question')
    .trim()
    .min(10, 'Write the question (at least 10 characters).')
    .max(10_000, 'A question is at most 10,000 characters.'),
  difficulty: z.enum(DIFFICULTIES, { error: 'Choose a difficulty: Easy, Medium or Hard.' }),
  type: z.enum(QUESTION_TYPES, { error: 'Choose a type: Technical, System Design or Behavioral.' }),
  answerKind: z.enum(ANSWER_KINDS, { error: 'Choose how it is answered: written, Bash, Python or configuration (YAML).' }),
  tags: TagsSchema,
});
export type QuestionInput = z.infer<typeof QuestionInputSchema>;

// What an editor started from (questionRevision, materialRevision): a save sends it back so one
// based on data someone else has since changed is refused. Optional, for scripts that send none.
export const RevisionSchema = z.string({ error: 'basedOn is the revision the editor started from.' }).min(1).max(200);

export const UpdateQuestionSchema = QuestionInputSchema.extend({ basedOn: RevisionSchema.optional() });

// A topic's editor sends back the topicRevision it opened, like the question form.
export const UpdateTopicSchema = TopicInputSchema.extend({ basedOn: RevisionSchema.optional() });

// Blank optional text is stored as null, so "no starter code" has one representation.
const OptionalText = (max: number, what: string) =>
  cleanText(z.string({ error: `${what} is text.` }), what)
    .max(max, `${what} is at most ${max.toLocaleString('en-US')} characters.`)
    .nullable()
    .transform((text) => (text && text.trim() ? text : null));

export const CalibrationSampleSchema = z.strictObject({
  label: cleanText(z.string({ error: 'Give the sample a label.' }), 'The label').trim().min(1, 'Give the sample a label.').max(80, 'A label is at most 80 characters.'),
  band: z
    .strictObject({
      min: z.number({ error: 'expected a number' }).min(0, 'A band starts at 0 or more.').max(100, 'A band ends at 100 or less.'),
      max: z.number({ error: 'expected a number' }).min(0, 'A band starts at 0 or more.').max(100, 'A band ends at 100 or less.'),
    })
    .refine((band) => band.min <= band.max, { message: 'The lowest expected score must not exceed the highest.', path: ['max'] }),
  answer: cleanText(z.string({ error: 'Write the sample answer.' }), 'The sample answer').min(1, 'Write the sample answer.').max(20_000, 'A sample answer is at most 20,000 characters.'),
  // The score an interviewer gave the sample before it was graded: validation then also measures
  // the rubric's agreement with the interviewer (docs/decisions/006).
  expertScore: z.number({ error: 'expected a number' }).int('A score is a whole number.').min(0, 'A score is between 0 and 100.').max(100, 'A score is between 0 and 100.').optional(),
});
export type CalibrationSample = z.infer<typeof CalibrationSampleSchema>;

export const BadVariantSchema = z.strictObject({
  name: cleanText(z.string({ error: 'Name the variant.' }), 'The name').trim().min(1, 'Name the variant.').max(80, 'A name is at most 80 characters.'),
  code: cleanText(z.string({ error: 'Write the variant’s code.' }), 'The code').min(1, 'Write the variant’s code.').max(64 * 1024, 'A variant is at most 64 KiB.'),
});

const unique = <T>(items: T[], key: (item: T) => string) => new Set(items.map(key)).size === items.length;

// What an admin validates a version with, discriminated by kind: calibration samples for a
// written rubric; the reference solution and known-bad variants for a code harness.
export const ValidationMaterialSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('written'),
    calibration: z
      .array(CalibrationSampleSchema, { error: 'Calibration is a list of samples.' })
      .refine((samples) => unique(samples, (s) => s.label), 'Give each calibration sample its own label.'),
  }),
  z.strictObject({
    kind: z.literal('code'),
    reference: cleanText(z.string({ error: 'The reference solution is text.' }), 'The reference solution').max(64 * 1024, 'A reference solution is at most 64 KiB.'),
    badVariants: z
      .array(BadVariantSchema, { error: 'Known-bad variants are a list.' })
      .refine((variants) => unique(variants, (v) => v.name), 'Give each known-bad variant its own name.'),
  }),
]);
export type ValidationMaterial = z.infer<typeof ValidationMaterialSchema>;

// The harness a code answer is tested by (its name and version in src/grading) and the brief
// candidates see beside the prompt.
export const HarnessSettingsSchema = z.strictObject({
  name: z.string({ error: 'Choose a harness.' }).trim().min(1, 'Choose a harness.').max(80, 'A harness name is at most 80 characters.'),
  version: z.number({ error: 'expected a number' }).int('A harness version is a whole number.').positive('A harness version starts at 1.'),
  brief: cleanText(z.string({ error: 'The brief is text.' }), 'The brief').max(20_000, 'A brief is at most 20,000 characters.').optional(),
});
export type HarnessSettings = z.infer<typeof HarnessSettingsSchema>;

// Everything that is versioned about a question. `harnessSpec` (docs/decisions/021) is absent, not
// null, when the harness is the grader's built-in one: material saved before specs existed hashes
// as it did, so its stored validation stays current.
export const MaterialSchema = z.strictObject({
  rubric: RubricSchema.nullable(),
  harness: HarnessSettingsSchema.nullable(),
  harnessSpec: HarnessSpecSchema.optional(),
  modelAnswer: OptionalText(50_000, 'The model answer'),
  starterCode: OptionalText(64 * 1024, 'The starter code'),
  validation: ValidationMaterialSchema.nullable(),
}).superRefine((material, ctx) => {
  // The rubric's own fields are defined in src/grading; catch stray control characters there too.
  const hit = findDisallowedInJson(material);
  if (hit) ctx.addIssue({ code: 'custom', path: hit.path, message: `This contains ${hit.found}; remove it and try again.` });
});
export type Material = z.infer<typeof MaterialSchema>;
export type MaterialInput = z.input<typeof MaterialSchema>;

export const EMPTY_MATERIAL: Material = { rubric: null, harness: null, modelAnswer: null, starterCode: null, validation: null };

// A written question is graded by a rubric, a code question by a harness; never both.
export function materialKindProblems(answerKind: AnswerKind, material: Material): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  const written = answerKind === 'WRITTEN';
  if (written && material.harness) problems.push({ path: ['harness'], message: 'A written question has a rubric, not a harness.' });
  if (written && material.harnessSpec) problems.push({ path: ['harnessSpec'], message: 'A written question has a rubric, not a harness spec.' });
  if (!written && material.rubric) problems.push({ path: ['rubric'], message: 'A code question has a harness, not a rubric.' });
  if (material.validation && material.validation.kind !== (written ? 'written' : 'code')) {
    problems.push({ path: ['validation', 'kind'], message: `expected "${written ? 'written' : 'code'}" for a ${written ? 'written' : 'code'} question` });
  }
  return problems;
}

export const SaveMaterialSchema = z.strictObject({ questionId: IdSchema, material: MaterialSchema, basedOn: RevisionSchema.optional() });

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const QuestionFiltersSchema = z.object({
  q: z.preprocess(emptyToUndefined, SearchTextSchema.optional()),
  topic: z.preprocess(emptyToUndefined, SlugSchema.optional()),
  difficulty: z.preprocess(emptyToUndefined, z.enum(DIFFICULTIES).optional()),
  type: z.preprocess(emptyToUndefined, z.enum(QUESTION_TYPES).optional()),
  kind: z.preprocess(emptyToUndefined, z.enum(ANSWER_KINDS).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(['published', 'draft']).optional()),
  page: pageParam(ADMIN_MAX_PAGE),
});
export type QuestionFilters = z.infer<typeof QuestionFiltersSchema>;

export const QUESTIONS_PAGE_SIZE = 25;

// The outcome of a validation run, stored on the version (validationResult) with the hash of the
// material it checked.
export const ValidationCheckSchema = z.object({
  kind: z.enum(['material', 'calibration', 'agreement', 'reference', 'bad-variant']),
  name: z.string(),
  passed: z.boolean(),
  message: z.string(),
  score: z.number().optional(),
});
export type ValidationCheck = z.infer<typeof ValidationCheckSchema>;

export const ValidationOutcomeSchema = z.object({
  passed: z.boolean(),
  summary: z.string(),
  materialHash: z.string(),
  checks: z.array(ValidationCheckSchema),
});
export type ValidationOutcome = z.infer<typeof ValidationOutcomeSchema>;
