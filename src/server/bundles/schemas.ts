// The bundle: one topic with its questions and their grading material, as one human-readable JSON
// file (`rehearse-bundle`, formatVersion 1). Key order follows these schemas, so an export of the
// same bank is byte-for-byte the same. Client-safe.
import { z } from 'zod';
import { cleanText } from '@/lib/text-field';
import { MAX_SEEDED_PRACTICE_COUNT } from '@/server/questions/schemas';
import {
  ANSWER_KINDS,
  DIFFICULTIES,
  HarnessSettingsSchema,
  MaterialSchema,
  materialKindProblems,
  QUESTION_TYPES,
  RubricSchema,
  TagsSchema,
  ValidationMaterialSchema,
  type Material,
} from '@/server/curation/schemas';
import { harnessSpecAuthoringProblems } from '@/grading/harnesses/harness-spec';
import { SlugSchema } from '@/server/questions/schemas';

export const BUNDLE_FORMAT = 'rehearse-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

const BundleTopicSchema = z.strictObject({
  slug: SlugSchema,
  name: cleanText(z.string(), 'The name').trim().min(1, 'A topic needs a name.').max(120, 'A name is at most 120 characters.'),
  description: cleanText(z.string(), 'The description').trim().min(1, 'A topic needs a description.').max(5_000, 'A description is at most 5,000 characters.'),
  published: z.boolean(),
});

// The published material (what candidates practise) sits on the question itself; `draft` holds a
// newer, unpublished version being edited, or null.
const materialFields = {
  rubric: RubricSchema.nullable(),
  harness: HarnessSettingsSchema.nullable(),
  // Absent for a built-in harness (docs/decisions/021), so older bundles read and export as before.
  harnessSpec: MaterialSchema.shape.harnessSpec,
  modelAnswer: MaterialSchema.shape.modelAnswer,
  starterCode: MaterialSchema.shape.starterCode,
  validation: ValidationMaterialSchema.nullable(),
};

const BundleQuestionSchema = z
  .strictObject({
    slug: SlugSchema,
    prompt: cleanText(z.string(), 'The prompt').trim().min(1, 'A question needs a prompt.').max(10_000, 'A prompt is at most 10,000 characters.'),
    difficulty: z.enum(DIFFICULTIES),
    type: z.enum(QUESTION_TYPES),
    answerKind: z.enum(ANSWER_KINDS),
    tags: TagsSchema,
    published: z.boolean(),
    seededPracticeCount: z.number().int().min(0, 'A practice count is 0 or more.').max(MAX_SEEDED_PRACTICE_COUNT, 'A practice count is at most 1,000,000,000.'),
    ...materialFields,
    draft: z.strictObject(materialFields).nullable(),
  })
  .superRefine((question, ctx) => {
    const check = (material: Material, prefix: string[]) => {
      for (const problem of materialKindProblems(question.answerKind, material)) {
        ctx.addIssue({ code: 'custom', path: [...prefix, ...problem.path], message: problem.message });
      }
      // A bundle's spec meets the rules a saved one does (a stored spec from before them still grades).
      for (const problem of material.harnessSpec ? harnessSpecAuthoringProblems(material.harnessSpec) : []) {
        ctx.addIssue({ code: 'custom', path: [...prefix, 'harnessSpec', 'spec', ...problem.path], message: problem.message });
      }
    };
    check(liveMaterial(question) ?? EMPTY, []);
    if (question.draft) check(question.draft, ['draft']);
  });

const EMPTY: Material = { rubric: null, harness: null, modelAnswer: null, starterCode: null, validation: null };

export const BundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  topic: BundleTopicSchema,
  questions: z.array(BundleQuestionSchema).superRefine((questions, ctx) => {
    const seen = new Map<string, number>();
    questions.forEach((q, i) => {
      const first = seen.get(q.slug);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'slug'], message: `repeats the slug of questions[${first}]` });
      else seen.set(q.slug, i);
    });
  }),
});
export type Bundle = z.infer<typeof BundleSchema>;
export type BundleQuestion = Bundle['questions'][number];

// The question's published material, or null when it has none (every field empty).
export function liveMaterial(question: Pick<BundleQuestion, keyof Material>): Material | null {
  const material: Material = {
    rubric: question.rubric,
    harness: question.harness,
    ...(question.harnessSpec ? { harnessSpec: question.harnessSpec } : {}),
    modelAnswer: question.modelAnswer,
    starterCode: question.starterCode,
    validation: question.validation,
  };
  return Object.values(material).every((v) => v == null) ? null : material;
}

// What to do with a bundle question whose slug belongs to another topic (never move it).
export const OTHER_TOPIC_POLICIES = ['refuse', 'copy'] as const;
export const OtherTopicPolicySchema = z.enum(OTHER_TOPIC_POLICIES, { error: 'Choose "refuse" or "copy" for questions that belong to another topic.' });
export type OtherTopicPolicy = z.infer<typeof OtherTopicPolicySchema>;

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'refused';

// A draft this bank had (an unpublished version an admin saved) that the import did not overwrite:
// an import never changes an existing version's material. Either it is still the draft on top,
// moved one number up above the imported published `importedVersion`, or the bundle brought a
// draft of its own (`importedVersion`, on top) and this one stays in the history, never published.
export type KeptDraft = { version: number; isStillDraft: boolean; importedVersion: number };

// The question's own fields (not versioned: edited in place) that the import changed; `restored`
// when it had been deleted.
export type ChangedField = 'prompt' | 'difficulty' | 'type' | 'answerKind' | 'tags' | 'published' | 'position' | 'seededPracticeCount' | 'restored' | 'topic';

export type ImportedQuestion = {
  // The slug in this bank (a copy's new slug).
  slug: string;
  outcome: ImportOutcome;
  // For a copy: the slug in the bundle, which belongs to another topic.
  copiedFrom: string | null;
  reason: string | null;
  // Empty for a created, unchanged or refused question.
  fieldsChanged: ChangedField[];
  keptDraft: KeptDraft | null;
};

export type ImportSummary = {
  topic: string;
  topicCreated: boolean;
  questionsCreated: number;
  questionsUpdated: number;
  questionsUnchanged: number;
  questionsRefused: number;
  versionsCreated: number;
  versionsPublished: number;
  validated: number;
  // Questions whose unpublished draft was kept beside the imported material (see KeptDraft).
  draftsKept: number;
  questions: ImportedQuestion[];
};
