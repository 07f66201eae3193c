// Writes one bundle question inside the import's transaction: the question's fields, then its
// published material (a new published version unless the newest published one already has it),
// then its draft (a new draft version on top unless the newest version already has it).
// An import never changes the material of a version that exists: a draft an admin saved here is
// kept, never overwritten, and the summary says where it went (docs/decisions/003, 2026-12-03).
import { Prisma } from '@/generated/prisma/client';
import { lockQuestionBySlug } from '@/server/curation/lock-question';
import { materialHash } from '@/server/curation/material-hash';
import { readMaterial } from '@/server/curation/read-material';
import type { Material, ValidationOutcome } from '@/server/curation/schemas';
import { storedMaterialSelect, toStoredMaterial } from '@/server/curation/stored-material';
import type { DbClient } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { liveMaterial, type BundleQuestion, type ChangedField, type KeptDraft } from './schemas';

type Applied = {
  created: boolean;
  changed: boolean;
  fieldsChanged: ChangedField[];
  versionsCreated: number;
  versionsPublished: number;
  keptDraft: KeptDraft | null;
};

const fieldSelect = { id: true, topicId: true, position: true, prompt: true, difficulty: true, type: true, answerKind: true, tags: true, published: true, deletedAt: true, seededPracticeCount: true } satisfies Prisma.QuestionSelect;

const versionSelect = { id: true, version: true, publishedAt: true, ...storedMaterialSelect } satisfies Prisma.QuestionVersionSelect;
type Version = Prisma.QuestionVersionGetPayload<{ select: typeof versionSelect }>;
type VersionState = { validationResult: Prisma.InputJsonValue | typeof Prisma.DbNull; validatedAt: Date | null; publishedAt: Date | null };

export async function applyBundleQuestion(
  { topicId, position, question, outcome }: { topicId: string; position: number; question: BundleQuestion; outcome: ValidationOutcome | null },
  tx: DbClient,
): Promise<Applied> {
  const { slug, prompt, difficulty, type, answerKind, tags, published, seededPracticeCount } = question;
  // Taken before anything of the question is read, as a save and a publish do (lock-question.ts).
  const lockedId = await lockQuestionBySlug(tx, slug);
  const existing = lockedId ? await tx.question.findUnique({ where: { id: lockedId }, select: fieldSelect }) : null;
  const fields = { topicId, position, prompt, difficulty, type, answerKind, tags, published, deletedAt: null };
  // Like the seeds: a practice count never goes down.
  const practiceCount = Math.max(existing?.seededPracticeCount ?? 0, seededPracticeCount);
  const fieldsChanged = existing ? changedFields(existing, { ...fields, seededPracticeCount: practiceCount }) : [];
  const { id } = !existing
    ? await tx.question.create({ data: { ...fields, slug, seededPracticeCount }, select: { id: true } })
    : fieldsChanged.length > 0
      ? await tx.question.update({ where: { id: existing.id }, data: { ...fields, seededPracticeCount: practiceCount }, select: { id: true } })
      : existing;
  const applied: Applied = { created: !existing, changed: fieldsChanged.length > 0, fieldsChanged, versionsCreated: 0, versionsPublished: 0, keptDraft: null };

  const hashOf = (v: Version) => materialHash(readMaterial(v, answerKind).material);
  const create = async (material: Material, version: number, state: VersionState) => {
    await tx.questionVersion.create({ data: { ...toStoredMaterial(material), ...state, questionId: id, version }, select: { id: true } });
    applied.changed = true;
    applied.versionsCreated++;
  };

  const all = await tx.questionVersion.findMany({ where: { questionId: id }, orderBy: { version: 'desc' }, select: versionSelect });
  // The draft admins edit is the newest version while it is unpublished (docs/decisions/003).
  const top = all[0];
  let localDraft = top && top.publishedAt === null ? { ...top, hash: hashOf(top) } : null;
  let nextVersion = (top?.version ?? 0) + 1;
  const draft = question.draft;
  const draftHash = draft ? materialHash(draft) : null;

  const live = liveMaterial(question);
  const newestPublished = all.find((v) => v.publishedAt !== null);
  if (live && (!newestPublished || hashOf(newestPublished) !== materialHash(live))) {
    if (!outcome || outcome.materialHash !== materialHash(live) || !outcome.passed) {
      throw new ConflictError(`The bank changed while "${slug}" was being validated; import the bundle again.`);
    }
    const state = { validationResult: outcome as unknown as Prisma.InputJsonValue, validatedAt: new Date(), publishedAt: new Date() };
    applied.versionsPublished++;
    if (localDraft && localDraft.hash === materialHash(live)) {
      // This bank's draft is exactly the imported material: publishing it loses nothing.
      await tx.questionVersion.update({ where: { id: localDraft.id }, data: state, select: { id: true } });
      applied.changed = true;
      localDraft = null;
    } else if (localDraft && (draftHash === null || draftHash === localDraft.hash)) {
      // The bundle brings no other draft: this bank's draft stays the draft, as the admin left
      // it, one number up, and the imported material is published under it.
      const version = localDraft.version;
      await tx.questionVersion.update({ where: { id: localDraft.id }, data: { version: version + 1 }, select: { id: true } });
      await create(live, version, state);
      applied.keptDraft = { version: version + 1, isStillDraft: true, importedVersion: version };
      return applied;
    } else {
      await create(live, nextVersion++, state);
    }
  }
  if (draft && draftHash !== (localDraft?.hash ?? null)) {
    const latest = await tx.questionVersion.findFirst({ where: { questionId: id }, orderBy: { version: 'desc' }, select: versionSelect });
    if (!latest || hashOf(latest) !== draftHash) {
      // The bundle's draft goes on top; a different draft this bank had stays below it, unchanged.
      await create(draft, nextVersion, { validationResult: Prisma.DbNull, validatedAt: null, publishedAt: null });
      if (localDraft) applied.keptDraft = { version: localDraft.version, isStillDraft: false, importedVersion: nextVersion };
    }
  }
  return applied;
}

const FIELD_NAMES = ['prompt', 'difficulty', 'type', 'answerKind', 'tags', 'published', 'position', 'seededPracticeCount'] as const;

function changedFields(row: Prisma.QuestionGetPayload<{ select: typeof fieldSelect }>, next: Omit<typeof row, 'id'>): ChangedField[] {
  const changed: ChangedField[] = FIELD_NAMES.filter((key) => JSON.stringify(row[key]) !== JSON.stringify(next[key]));
  if (row.deletedAt !== null) changed.push('restored');
  // plan-bundle-import.ts never moves a question, but a move must not pass as unchanged.
  if (row.topicId !== next.topicId) changed.push('topic');
  return changed;
}
