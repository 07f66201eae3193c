// Exports one topic (drafts included, deleted questions left out) as a bundle: each question with
// its published material and any newer draft. Parsed through BundleSchema on the way out, so the
// key order is stable and every export imports back.
import { prisma, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { readMaterial } from '@/server/curation/read-material';
import type { Material } from '@/server/curation/schemas';
import { storedMaterialSelect } from '@/server/curation/stored-material';
import { SlugSchema } from '@/server/questions/schemas';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleSchema, type Bundle } from './schemas';

const EMPTY: Material = { rubric: null, harness: null, modelAnswer: null, starterCode: null, validation: null };

export async function exportBundle({ input }: { input: { slug: string } }, db: DbClient = prisma): Promise<Bundle> {
  const slug = SlugSchema.parse(input.slug);
  const topic = await db.topic.findFirst({
    where: { slug, deletedAt: null },
    select: { slug: true, name: true, description: true, published: true },
  });
  if (!topic) throw new NotFoundError(`No topic "${slug}".`);
  const questions = await db.question.findMany({
    where: { topic: { slug }, deletedAt: null },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: {
      slug: true,
      prompt: true,
      difficulty: true,
      type: true,
      answerKind: true,
      tags: true,
      published: true,
      seededPracticeCount: true,
      versions: { orderBy: { version: 'desc' }, select: { version: true, publishedAt: true, ...storedMaterialSelect } },
    },
  });
  return BundleSchema.parse({
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    topic,
    questions: questions.map(({ versions, ...question }) => {
      const read = (v: (typeof versions)[number]): Material => {
        const { material, problems } = readMaterial(v, question.answerKind);
        if (problems.length > 0) {
          throw new ConflictError(`Question "${question.slug}" version ${v.version} cannot be exported: ${problems.join('; ')}`);
        }
        return material;
      };
      const live = versions.find((v) => v.publishedAt !== null);
      const latest = versions[0];
      const draft = latest && latest.publishedAt === null ? read(latest) : null;
      return { ...question, ...(live ? read(live) : EMPTY), draft };
    }),
  });
}

// Pretty-printed, two spaces, with a final newline: a file people can read and diff.
export function serializeBundle(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
