// Edits what is not versioned: the prompt, difficulty, type, tags, topic and slug. The answer kind
// is fixed once a version has been published, since attempts were graded as that kind.
// `basedOn`: the questionRevision the editor opened; a save based on fields someone else has
// changed since is refused (409), so it cannot silently undo their edit.
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { fieldChanges } from '@/server/audit/field-changes';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { lockQuestion } from './lock-question';
import { questionRevision } from './question-revision';
import { IdSchema, QuestionInputSchema, RevisionSchema, type QuestionInput } from './schemas';
import { rethrowSlugConflict } from './unique-violation';

export async function updateQuestion(
  { actor, input }: { actor: { id: string }; input: QuestionInput & { id: string; basedOn?: string } },
  db: Db | DbClient = prisma,
): Promise<{ id: string; slug: string; revision: string }> {
  const { id: rawId, basedOn: rawBasedOn, ...rest } = input;
  const id = IdSchema.parse(rawId);
  const basedOn = RevisionSchema.optional().parse(rawBasedOn);
  const data = QuestionInputSchema.parse(rest);
  try {
    const updated = await inTransaction(db, async (tx) => {
      await lockQuestion(tx, id);
      const before = await tx.question.findFirst({
        where: { id, deletedAt: null },
        select: {
          slug: true, prompt: true, difficulty: true, type: true, answerKind: true, tags: true, topicId: true,
          _count: { select: { versions: { where: { publishedAt: { not: null } } } } },
        },
      });
      if (!before) throw new NotFoundError('That question does not exist or was deleted.');
      if (basedOn !== undefined && basedOn !== questionRevision(before)) {
        throw new ConflictError('Someone else saved this question after you opened it. Reload to see their changes; your edits are still in the form.');
      }
      if (data.answerKind !== before.answerKind && before._count.versions > 0) {
        throw new ConflictError('The answer kind cannot change once a version is published: past attempts were graded as that kind. Create a new question instead.');
      }
      const topic = await tx.topic.findFirst({ where: { id: data.topicId, deletedAt: null }, select: { id: true } });
      if (!topic) throw new NotFoundError('That topic does not exist or was deleted.');
      const next = { ...data, slug: data.slug ?? before.slug };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(before[key]));
      const question = await tx.question.update({ where: { id }, data: next, select: { id: true, slug: true } });
      await recordAudit({ actor, input: { action: 'question.update', entity: 'question', entityId: id, details: { slug: question.slug, changed, changes: fieldChanges(before, next) } } }, tx);
      return { ...question, revision: questionRevision(next) };
    });
    await invalidateCatalog({ db });
    return updated;
  } catch (error) {
    rethrowSlugConflict(error, 'question', data.slug ?? '', data.slug !== undefined);
  }
}
