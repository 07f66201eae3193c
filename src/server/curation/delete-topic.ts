// Soft delete: the topic and its questions disappear from the bank and the admin lists, but the
// rows stay, so candidates' attempts (and their history) keep pointing at what they answered.
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { IdSchema } from './schemas';

export async function deleteTopic(
  { actor, input }: { actor: { id: string }; input: { id: string } },
  db: Db | DbClient = prisma,
): Promise<{ deletedQuestions: number }> {
  const id = IdSchema.parse(input.id);
  const deleted = await inTransaction(db, async (tx) => {
    const topic = await tx.topic.findFirst({ where: { id, deletedAt: null }, select: { slug: true } });
    if (!topic) throw new NotFoundError('That topic does not exist or was already deleted.');
    const now = new Date();
    await tx.topic.update({ where: { id }, data: { deletedAt: now }, select: { id: true } });
    const { count } = await tx.question.updateMany({ where: { topicId: id, deletedAt: null }, data: { deletedAt: now } });
    await recordAudit({ actor, input: { action: 'topic.delete', entity: 'topic', entityId: id, details: { slug: topic.slug, deletedQuestions: count } } }, tx);
    return { deletedQuestions: count };
  });
  await invalidateCatalog({ db });
  return deleted;
}
