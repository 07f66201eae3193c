// Gives each seeded question its first grading material from seeds/content/<question-slug>/: a
// rubric (written, the seed document's questions) or a harness reference (code, including the
// seed topics' code questions), the model answer, the starter code, and what admins validate a
// version with. Only a question that exists and has no version at all gets one,
// published at once, so re-seeding never overwrites or adds to versions an admin made.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadWrittenContent } from '@/grading/written/load-written-content';
import type { Prisma } from '@/generated/prisma/client';
import type { AnswerKindCode } from '@/lib/labels';
import type { DbClient } from '@/server/db';
import { claimSeededQuestions } from './claim-seeded-rows';
import { readCodeMaterial } from './read-code-material';

export type ContentSummary = { created: string[]; skipped: string[] };

export async function seedContent({ dir }: { dir: string }, db: DbClient): Promise<ContentSummary> {
  const summary: ContentSummary = { created: [], skipped: [] };
  if (!existsSync(dir)) return summary;
  const slugs = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  // A written question with a question.json belongs to a seed topic, imported whole (rubric
  // included) by seed-topics.ts; a code one gets its material here (see assemble-topic-bundle.ts).
  const seededHere: string[] = [];
  for (const slug of slugs) if (!(await isWrittenSeedTopicQuestion(path.join(dir, slug)))) seededHere.push(slug);
  // By the seeds' slug: an admin may have renamed a question since (claim-seeded-rows.ts).
  const ids = await claimSeededQuestions(seededHere, db);
  for (const slug of seededHere) {
    const id = ids.get(slug);
    const question = id ? await db.question.findUnique({ where: { id }, select: { id: true, answerKind: true, _count: { select: { versions: true } } } }) : null;
    if (!question || question._count.versions > 0) {
      summary.skipped.push(slug);
      continue;
    }
    const material = await readContentMaterial(path.join(dir, slug), question.answerKind);
    await db.questionVersion.create({
      data: { questionId: question.id, version: 1, publishedAt: new Date(), ...material },
      select: { id: true },
    });
    summary.created.push(slug);
  }
  return summary;
}

// The answer kind a folder's question.json declares (a seed topic's question); null without one
// (the seed document's questions, whose kind the document gives).
export async function declaredAnswerKind(folder: string): Promise<AnswerKindCode | null> {
  const file = path.join(folder, 'question.json');
  if (!existsSync(file)) return null;
  return (JSON.parse(await readFile(file, 'utf8')) as { answerKind: AnswerKindCode }).answerKind;
}

export async function isWrittenSeedTopicQuestion(folder: string): Promise<boolean> {
  return (await declaredAnswerKind(folder)) === 'WRITTEN';
}

// A part a question kind does not use is absent (a Json column takes no plain null).
export type ContentMaterial = {
  rubric?: Prisma.InputJsonValue;
  harness?: Prisma.InputJsonObject;
  modelAnswer: string;
  starterCode: string | null;
  validation: Prisma.InputJsonValue;
};

// The material a question of `answerKind` gets from its folder: what seedContent stores as version
// 1, and what `npm run db:seed -- --refresh` compares the newest version with (refresh-seeds.ts).
export async function readContentMaterial(folder: string, answerKind: AnswerKindCode): Promise<ContentMaterial> {
  return answerKind === 'WRITTEN' ? writtenMaterial(folder) : readCodeMaterial(folder, answerKind);
}

async function writtenMaterial(folder: string): Promise<ContentMaterial> {
  const { rubric, modelAnswer, calibration } = await loadWrittenContent(folder);
  return {
    rubric: rubric as Prisma.InputJsonValue,
    modelAnswer,
    starterCode: null,
    // In the curated shape (src/server/curation/schemas.ts), so admins can re-run validation.
    validation: { kind: 'written', calibration: calibration.samples } as Prisma.InputJsonValue,
  };
}
