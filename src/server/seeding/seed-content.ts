// Gives each seeded question its first grading material from seeds/content/<question-slug>/: a
// rubric (written) or a harness reference (code), the model answer, the starter code, and what
// admins validate a version with. Only a question that exists and has no version at all gets one,
// published at once, so re-seeding never overwrites or adds to versions an admin made.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadWrittenContent } from '@/grading/written/load-written-content';
import type { Prisma } from '@/generated/prisma/client';
import { HarnessSettingsSchema } from '@/server/curation/schemas';
import type { DbClient } from '@/server/db';

export type ContentSummary = { created: string[]; skipped: string[] };

export async function seedContent({ dir }: { dir: string }, db: DbClient): Promise<ContentSummary> {
  const summary: ContentSummary = { created: [], skipped: [] };
  if (!existsSync(dir)) return summary;
  const slugs = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const slug of slugs) {
    // A folder with a question.json belongs to a seed topic, imported whole by seed-topics.ts.
    if (existsSync(path.join(dir, slug, 'question.json'))) continue;
    const question = await db.question.findUnique({
      where: { slug },
      select: { id: true, answerKind: true, _count: { select: { versions: true } } },
    });
    if (!question || question._count.versions > 0) {
      summary.skipped.push(slug);
      continue;
    }
    const folder = path.join(dir, slug);
    const material = question.answerKind === 'WRITTEN' ? await writtenMaterial(folder) : await codeMaterial(folder, question.answerKind);
    await db.questionVersion.create({
      data: { questionId: question.id, version: 1, publishedAt: new Date(), ...material },
      select: { id: true },
    });
    summary.created.push(slug);
  }
  return summary;
}

type Material = Pick<Prisma.QuestionVersionUncheckedCreateInput, 'rubric' | 'harness' | 'modelAnswer' | 'starterCode' | 'validation'>;

async function writtenMaterial(folder: string): Promise<Material> {
  const { rubric, modelAnswer, calibration } = await loadWrittenContent(folder);
  return {
    rubric: rubric as Prisma.InputJsonValue,
    modelAnswer,
    starterCode: null,
    // In the curated shape (src/server/curation/schemas.ts), so admins can re-run validation.
    validation: { kind: 'written', calibration: calibration.samples } as Prisma.InputJsonValue,
  };
}

async function codeMaterial(folder: string, kind: 'BASH' | 'PYTHON'): Promise<Material> {
  const ext = kind === 'BASH' ? 'sh' : 'py';
  const read = (name: string) => readFile(path.join(folder, name), 'utf8');
  const readIfPresent = (name: string) => read(name).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
  const harnessFile = path.join(folder, 'harness.json');
  const { name, version } = JSON.parse(await read('harness.json')) as { name?: unknown; version?: unknown };
  // The brief is shown beside the prompt: the contract the harness holds the answer to.
  const brief = await readIfPresent('prompt-examples.md');
  // Stored exactly as admins edit it (src/server/curation/schemas.ts).
  const harness = HarnessSettingsSchema.safeParse({ name, version, ...(brief ? { brief } : {}) });
  if (!harness.success) throw new Error(`${harnessFile}: ${harness.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return {
    harness: harness.data,
    modelAnswer: await read('model-answer.md'),
    starterCode: await read(`starter.${ext}`),
    // In the curated shape: the reference must pass and each known-bad variant (bad/<name>.<ext>) fail.
    validation: { kind: 'code', reference: await read(`reference.${ext}`), badVariants: await readBadVariants(path.join(folder, 'bad'), ext) },
  };
}

async function readBadVariants(dir: string, ext: string): Promise<{ name: string; code: string }[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((file) => file.endsWith(`.${ext}`)).sort();
  return Promise.all(files.map(async (file) => ({ name: file.slice(0, -(ext.length + 1)), code: await readFile(path.join(dir, file), 'utf8') })));
}
