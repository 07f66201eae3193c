// Which questions seeds/ gives grading material to, and that material built exactly as a fresh
// seed builds it, for `npm run db:seed -- --refresh` (refresh-seeds.ts). Two paths, as in seeding:
// a seed topic's written question is imported whole from its topic's bundle (seed-topics.ts); every
// other folder of seeds/content (code questions, the seed document's written ones) gets its
// version 1 from seed-content.ts. Reads files only: the script checks slugs with it before a
// database is started (so nothing here may load the Prisma client).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerKindCode } from '@/lib/labels';
import { liveMaterial } from '@/server/bundles/schemas';
import type { StoredMaterial } from '@/server/curation/read-material';
import { listSeedTopicFiles, readSeedTopicBundle } from './assemble-topic-bundle';
import { declaredAnswerKind, readContentMaterial } from './seed-content';

export const SEEDS_DIR = path.join(process.cwd(), 'seeds');

export type SeedMaterialSource = {
  slug: string;
  // The answer kind seeds/ declares (a seed topic's question.json); null: the seed document's
  // questions, whose material follows the question's own kind, as seed-content.ts reads it.
  answerKind: AnswerKindCode | null;
  read: (answerKind: AnswerKindCode) => Promise<StoredMaterial>;
};

export async function listSeedMaterial({ dir }: { dir: string }): Promise<Map<string, SeedMaterialSource>> {
  const sources = new Map<string, SeedMaterialSource>();
  for (const file of await listSeedTopicFiles(path.join(dir, 'topics'))) {
    const { bundle } = await readSeedTopicBundle({ dir, file });
    for (const question of bundle.questions) {
      const material = liveMaterial(question);
      // A seed topic's code question comes without material in its bundle (seed-content.ts gives it).
      if (question.answerKind !== 'WRITTEN' || !material) continue;
      sources.set(question.slug, { slug: question.slug, answerKind: 'WRITTEN', read: async () => material });
    }
  }
  const contentDir = path.join(dir, 'content');
  if (!existsSync(contentDir)) return sources;
  const folders = (await readdir(contentDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  for (const slug of folders) {
    const folder = path.join(contentDir, slug);
    const answerKind = await declaredAnswerKind(folder);
    // A written seed-topic question listed by no topic file: seeding never imports it, so neither
    // does a refresh.
    if (sources.has(slug) || answerKind === 'WRITTEN') continue;
    sources.set(slug, {
      slug,
      answerKind,
      read: async (answerKind) => {
        const material = await readContentMaterial(folder, answerKind);
        return { ...material, rubric: material.rubric ?? null, harness: material.harness ?? null };
      },
    });
  }
  return sources;
}

export class UnknownSeedSlugsError extends Error {
  constructor(readonly slugs: string[]) {
    super(`${slugs.length === 1 ? 'No question' : 'No questions'} with seed material in seeds/: ${slugs.join(', ')} (a slug is the name of a folder in seeds/content).`);
    this.name = 'UnknownSeedSlugsError';
  }
}

// The slugs that name no question with seed material (none: an empty list), each once.
export const unknownSeedSlugs = (sources: ReadonlyMap<string, SeedMaterialSource>, slugs: string[]) =>
  [...new Set(slugs)].filter((slug) => !sources.has(slug));

export async function findUnknownSeedSlugs({ dir = SEEDS_DIR, slugs }: { dir?: string; slugs: string[] }): Promise<string[]> {
  return unknownSeedSlugs(await listSeedMaterial({ dir }), slugs);
}
