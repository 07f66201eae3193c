// Assembles one seed topic (seeds/topics/<slug>.json) and its questions' folders
// (seeds/content/<question-slug>/: question.json, rubric.json, model-answer.md, dev-set.json; a
// code question's material is read by seed-content.ts instead) into a `rehearse-bundle`, so the
// seeder imports our own content through the same validation as an admin's bundle
// (docs/decisions/014). Reads files only; the bundle is checked by parseBundle.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseBundle } from '@/server/bundles/parse-bundle';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle } from '@/server/bundles/schemas';
import { ANSWER_KINDS, DIFFICULTIES, QUESTION_TYPES } from '@/server/curation/schemas';
import { SlugSchema } from '@/server/questions/schemas';

export const SeedTopicFileSchema = z.strictObject({
  slug: SlugSchema,
  name: z.string().trim().min(1),
  description: z.string().trim().min(1),
  questions: z.array(SlugSchema).min(1, 'A seed topic lists at least one question.'),
});
export type SeedTopicFile = z.infer<typeof SeedTopicFileSchema>;

export const SeedQuestionFileSchema = z.strictObject({
  prompt: z.string().trim().min(1),
  difficulty: z.enum(DIFFICULTIES),
  type: z.enum(QUESTION_TYPES),
  answerKind: z.enum(ANSWER_KINDS),
  tags: z.array(z.string()).default([]),
});

const DevSetSchema = z.object({
  answers: z.array(z.object({ id: z.string(), style: z.string(), expertScore: z.number().int().min(0).max(100), answer: z.string() })),
});

// What validating a seed question with its dev set demands of the grader (docs/decisions/014):
// no gross disagreement with the interviewer. An answer the interviewer passed scores at least
// DEV_SET_SLACK below its score (and never below the pass line less 15); one the interviewer
// failed scores at most DEV_SET_SLACK above its score or just under the pass line, whichever is
// higher, unless it was borderline (within BORDERLINE of the pass line), where either verdict is
// defensible; a keyword list stays under 30 and a confidently wrong answer under 35 whatever
// their score. The finer agreement (Spearman, mean difference) is `npm run bench:written`'s job.
export const DEV_SET_SLACK = 25;
const BORDERLINE = 10;
const STYLE_CEILING: Record<string, number> = { 'keyword list': 29, 'confidently wrong': 34 };

export function devAnswerBand({ expertScore, style }: { expertScore: number; style: string }, passScore: number): { min: number; max: number } {
  const ceiling = STYLE_CEILING[style] ?? 100;
  if (expertScore >= passScore) return { min: Math.max(0, Math.min(expertScore - DEV_SET_SLACK, passScore - 15)), max: 100 };
  if (expertScore >= passScore - BORDERLINE) return { min: 0, max: ceiling };
  return { min: 0, max: Math.min(ceiling, Math.max(Math.min(100, expertScore + DEV_SET_SLACK), passScore - 1)) };
}

async function readJson<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: the file is missing.` : `${file}: not valid JSON (${(error as Error).message}).`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

// The calibration admins validate with: calibration.json when the folder has one, otherwise each
// dev-set answer with the band devAnswerBand gives it.
async function calibrationOf(folder: string, passScore: number): Promise<unknown[]> {
  const calibrationFile = path.join(folder, 'calibration.json');
  if (existsSync(calibrationFile)) return (JSON.parse(await readFile(calibrationFile, 'utf8')) as { samples: unknown[] }).samples;
  const { answers } = await readJson(path.join(folder, 'dev-set.json'), DevSetSchema);
  return answers.map((a) => ({
    label: a.id,
    band: devAnswerBand(a, passScore),
    answer: a.answer,
  }));
}

export async function readSeedTopic(file: string): Promise<SeedTopicFile> {
  return readJson(file, SeedTopicFileSchema);
}

// The bundle (not yet validated: parseBundle does that) for one seed topic file.
export async function assembleTopicBundle({ file, contentDir }: { file: string; contentDir: string }): Promise<{ topic: SeedTopicFile; bundle: unknown }> {
  const topic = await readSeedTopic(file);
  const questions = await Promise.all(
    topic.questions.map(async (slug) => {
      const folder = path.join(contentDir, slug);
      const question = await readJson(path.join(folder, 'question.json'), SeedQuestionFileSchema);
      // New questions start at 0 practised: no invented numbers.
      const common = { slug, ...question, published: true, seededPracticeCount: 0, draft: null };
      // A code question comes without material here: validating it needs the sandbox, which the
      // seeding host (the migrate image) does not have. seed-content.ts gives it version 1 from the
      // same folder, as it does the seed document's code questions; the integration tests run
      // every variant and the admin validation through the real sandbox (docs/decisions/018).
      if (question.answerKind !== 'WRITTEN') return { ...common, rubric: null, harness: null, modelAnswer: null, starterCode: null, validation: null };
      const rubric = await readJson(path.join(folder, 'rubric.json'), z.looseObject({ passScore: z.number().int().min(0).max(100).default(70) }));
      return {
        ...common,
        rubric,
        harness: null,
        modelAnswer: await readFile(path.join(folder, 'model-answer.md'), 'utf8'),
        starterCode: null,
        validation: { kind: 'written', calibration: await calibrationOf(folder, rubric.passScore) },
      };
    }),
  );
  const bundle = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    topic: { slug: topic.slug, name: topic.name, description: topic.description, published: true },
    questions,
  };
  return { topic, bundle };
}

export async function listSeedTopicFiles(topicsDir: string): Promise<string[]> {
  if (!existsSync(topicsDir)) return [];
  return (await readdir(topicsDir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(topicsDir, f));
}

// One seed topic as the bundle seeding imports, checked whole; a problem names the file.
export async function readSeedTopicBundle({ dir, file }: { dir: string; file: string }): Promise<{ topic: SeedTopicFile; bundle: Bundle }> {
  const { topic, bundle: raw } = await assembleTopicBundle({ file, contentDir: path.join(dir, 'content') });
  try {
    return { topic, bundle: parseBundle(raw) };
  } catch (error) {
    const errors = (error as { errors?: string[] }).errors;
    throw new Error(`${path.relative(dir, file)}: ${errors ? errors.join('; ') : (error as Error).message}`);
  }
}
