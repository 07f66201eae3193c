// Assembles one seed topic (seeds/topics/<slug>.json) and its questions' folders
// (seeds/content/<question-slug>/: question.json, rubric.json, model-answer.md, dev-set.json) into
// a `rehearse-bundle`, so the seeder imports our own content through the same validation as an
// admin's bundle (docs/decisions/014). Reads files only; the bundle is checked by parseBundle.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '@/server/bundles/schemas';
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
  answers: z.array(z.object({ id: z.string(), expertScore: z.number().int().min(0).max(100), answer: z.string() })),
});

// A development answer must grade within this many points of the interviewer's score for the
// question to validate; the dev sets' agreement as a whole is `npm run bench:written`'s job.
export const DEV_SET_BAND = 20;

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
// dev-set answer with a band around the interviewer's score.
async function calibrationOf(folder: string): Promise<unknown[]> {
  const calibrationFile = path.join(folder, 'calibration.json');
  if (existsSync(calibrationFile)) return (JSON.parse(await readFile(calibrationFile, 'utf8')) as { samples: unknown[] }).samples;
  const { answers } = await readJson(path.join(folder, 'dev-set.json'), DevSetSchema);
  return answers.map((a) => ({
    label: a.id,
    band: { min: Math.max(0, a.expertScore - DEV_SET_BAND), max: Math.min(100, a.expertScore + DEV_SET_BAND) },
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
      if (question.answerKind !== 'WRITTEN') throw new Error(`${path.join(folder, 'question.json')}: seed topics hold written questions only.`);
      return {
        slug,
        ...question,
        published: true,
        // New questions start at 0 practised: no invented numbers.
        seededPracticeCount: 0,
        rubric: JSON.parse(await readFile(path.join(folder, 'rubric.json'), 'utf8')) as unknown,
        harness: null,
        modelAnswer: await readFile(path.join(folder, 'model-answer.md'), 'utf8'),
        starterCode: null,
        validation: { kind: 'written', calibration: await calibrationOf(folder) },
        draft: null,
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
