// Saves a question's grading material (rubric or harness, model answer, starter code, validation
// material). A draft version is updated in place; a published one is never changed: the edit
// becomes a new draft version (version + 1) and candidates keep practising the published one.
// Either way the stored validation outcome is cleared, so the new material must pass again.
// Material that could never validate (no rubric, no harness…) is refused with field errors.
// `basedOn`: the materialRevision the editor opened; when someone else has saved since (a new
// draft version, or other material in the draft) the save is refused (409) instead of overwriting it.
import { ZodError } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { lockQuestion } from './lock-question';
import { materialHash } from './material-hash';
import { materialRevision } from './material-revision';
import { materialSaveProblems } from './material-save-problems';
import { readMaterial } from './read-material';
import { materialKindProblems, SaveMaterialSchema, type Material, type MaterialInput } from './schemas';
import { storedMaterialSelect, toStoredMaterial } from './stored-material';
import { withoutBuiltInSpec } from './without-built-in-spec';

// `revision`: what the editor is now based on, to send with its next save.
export type SavedMaterial = { versionId: string; version: number; created: boolean; changed: boolean; revision: string };

// The rubric carries the version it belongs to, so a grade says what it was graded against.
const stamp = (material: Material, version: number): Material =>
  material.rubric ? { ...material, rubric: { ...material.rubric, version } } : material;

export async function saveQuestionMaterial(
  { actor, input }: { actor: { id: string } | null; input: { questionId: string; material: MaterialInput; basedOn?: string } },
  db: Db | DbClient = prisma,
): Promise<SavedMaterial> {
  const parsed = SaveMaterialSchema.parse(input);
  const { questionId, basedOn } = parsed;
  const material = withoutBuiltInSpec(parsed.material);
  return inTransaction(db, async (tx) => {
    await lockQuestion(tx, questionId);
    const question = await tx.question.findFirst({
      where: { id: questionId, deletedAt: null },
      select: { slug: true, answerKind: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { id: true, version: true, publishedAt: true, ...storedMaterialSelect } } },
    });
    if (!question) throw new NotFoundError('That question does not exist or was deleted.');
    // Stale first: the other save may be why this material no longer fits (a new answer kind, say).
    const latest = question.versions[0];
    const stored = latest ? readMaterial(latest, question.answerKind).material : null;
    const current = latest && stored ? materialRevision(latest.id, stored) : null;
    if (basedOn !== undefined && basedOn !== current) {
      throw new ConflictError("Someone else saved this question's grading material after you opened it. Reload to see their changes; your edits are still in the form.");
    }
    const problems = [...materialKindProblems(question.answerKind, material), ...materialSaveProblems(question.answerKind, material)];
    if (problems.length > 0) {
      throw new ZodError(problems.map((p) => ({ code: 'custom' as const, path: ['material', ...p.path], message: p.message, input: undefined })));
    }
    const inPlace = latest !== undefined && latest.publishedAt === null;
    const version = inPlace ? latest.version : (latest?.version ?? 0) + 1;
    const next = stamp(material, version);
    if (latest && stored && current && materialHash(stored) === materialHash(stamp(material, latest.version))) {
      return { versionId: latest.id, version: latest.version, created: false, changed: false, revision: current };
    }
    const data = { ...toStoredMaterial(next), validationResult: Prisma.DbNull, validatedAt: null };
    const saved = inPlace
      ? await tx.questionVersion.update({ where: { id: latest.id }, data, select: { id: true, ...storedMaterialSelect } })
      : await tx.questionVersion.create({ data: { ...data, questionId, version }, select: { id: true, ...storedMaterialSelect } });
    await recordAudit(
      { actor, input: { action: 'question.material.save', entity: 'question-version', entityId: saved.id, details: { slug: question.slug, version, created: !inPlace } } },
      tx,
    );
    // Read back as the page reads it, so the next save's basedOn matches what is stored.
    const revision = materialRevision(saved.id, readMaterial(saved, question.answerKind).material);
    return { versionId: saved.id, version, created: !inPlace, changed: true, revision };
  });
}
