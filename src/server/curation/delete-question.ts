// Soft delete: the question leaves the bank and the admin lists; attempts keep their question and
// version, so candidates' history stays intact.
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { IdSchema } from './schemas';

export async function deleteQuestion(
  { actor, input }: { actor: { id: string }; input: { id: string } },
  db: Db | DbClient = prisma,
): Promise<void> {
  const id = IdSchema.parse(input.id);
  await inTransaction(db, async (tx) => {
    const question = await tx.question.findFirst({ where: { id, deletedAt: null }, select: { slug: true } });
    if (!question) throw new NotFoundError('That question does not exist or was already deleted.');
    await tx.question.update({ where: { id }, data: { deletedAt: new Date(), published: false }, select: { id: true } });
    await recordAudit({ actor, input: { action: 'question.delete', entity: 'question', entityId: id, details: { slug: question.slug } } }, tx);
  });
  await invalidateCatalog({ db });
}
