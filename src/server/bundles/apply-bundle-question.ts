// Writes one bundle question inside the import's transaction: the question's fields, then its
// published material (a new published version unless the newest published one already has it),
// then its draft (a draft version on top, updated in place when one is there).
import { Prisma } from '@/generated/prisma/client';
import { materialHash } from '@/server/curation/material-hash';
import { readMaterial } from '@/server/curation/read-material';
import type { Material, ValidationOutcome } from '@/server/curation/schemas';
import { storedMaterialSelect, toStoredMaterial } from '@/server/curation/stored-material';
import type { DbClient } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { liveMaterial, type BundleQuestion } from './schemas';

type Applied = { created: boolean; changed: boolean; versionsCreated: number; versionsPublished: number };

const fieldSelect = { id: true, topicId: true, position: true, prompt: true, difficulty: true, type: true, answerKind: true, tags: true, published: true, deletedAt: true, seededPracticeCount: true } satisfies Prisma.QuestionSelect;

const versionSelect = { id: true, version: true, publishedAt: true, ...storedMaterialSelect } satisfies Prisma.QuestionVersionSelect;

export async function applyBundleQuestion(
  { topicId, position, question, outcome }: { topicId: string; position: number; question: BundleQuestion; outcome: ValidationOutcome | null },
  tx: DbClient,
): Promise<Applied> {
  const { slug, prompt, difficulty, type, answerKind, tags, published, seededPracticeCount } = question;
  const existing = await tx.question.findUnique({ where: { slug }, select: fieldSelect });
  const fields = { topicId, position, prompt, difficulty, type, answerKind, tags, published, deletedAt: null };
  // Like the seeds: a practice count never goes down.
  const practiceCount = Math.max(existing?.seededPracticeCount ?? 0, seededPracticeCount);
  const fieldsChanged = !existing || !sameFields(existing, { ...fields, seededPracticeCount: practiceCount });
  const { id } = !existing
    ? await tx.question.create({ data: { ...fields, slug, seededPracticeCount }, select: { id: true } })
    : fieldsChanged
      ? await tx.question.update({ where: { id: existing.id }, data: { ...fields, seededPracticeCount: practiceCount }, select: { id: true } })
      : existing;
  const applied: Applied = { created: !existing, changed: fieldsChanged, versionsCreated: 0, versionsPublished: 0 };

  const versions = () => tx.questionVersion.findMany({ where: { questionId: id }, orderBy: { version: 'desc' }, select: versionSelect });
  const hashOf = (v: Prisma.QuestionVersionGetPayload<{ select: typeof versionSelect }>) => materialHash(readMaterial(v, answerKind).material);

  const live = liveMaterial(question);
  if (live) {
    const all = await versions();
    const newestPublished = all.find((v) => v.publishedAt !== null);
    if (!newestPublished || hashOf(newestPublished) !== materialHash(live)) {
      if (!outcome || outcome.materialHash !== materialHash(live) || !outcome.passed) {
        throw new ConflictError(`The bank changed while "${slug}" was being validated; import the bundle again.`);
      }
      await writeVersion(tx, id, all[0], live, { validationResult: outcome as unknown as Prisma.InputJsonValue, validatedAt: new Date(), publishedAt: new Date() }, applied);
      applied.versionsPublished++;
    }
  }
  if (question.draft) {
    const latest = (await versions())[0];
    if (!latest || hashOf(latest) !== materialHash(question.draft)) {
      await writeVersion(tx, id, latest, question.draft, { validationResult: Prisma.DbNull, validatedAt: null, publishedAt: null }, applied);
    }
  }
  return applied;
}

// A draft on top is overwritten (it has no attempts: candidates only practise published
// versions); otherwise the material becomes a new version.
async function writeVersion(
  tx: DbClient,
  questionId: string,
  latest: { id: string; version: number; publishedAt: Date | null } | undefined,
  material: Material,
  state: { validationResult: Prisma.InputJsonValue | typeof Prisma.DbNull; validatedAt: Date | null; publishedAt: Date | null },
  applied: Applied,
): Promise<void> {
  const data = { ...toStoredMaterial(material), ...state };
  applied.changed = true;
  if (latest && latest.publishedAt === null) {
    await tx.questionVersion.update({ where: { id: latest.id }, data, select: { id: true } });
    return;
  }
  await tx.questionVersion.create({ data: { ...data, questionId, version: (latest?.version ?? 0) + 1 }, select: { id: true } });
  applied.versionsCreated++;
}

function sameFields(row: Prisma.QuestionGetPayload<{ select: typeof fieldSelect }>, next: Omit<typeof row, 'id'>): boolean {
  return (Object.keys(next) as (keyof typeof next)[]).every((key) => JSON.stringify(row[key]) === JSON.stringify(next[key]));
}
