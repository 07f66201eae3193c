// Hides a question from candidates. Its versions keep their publishedAt, so publishing it again
// needs no new validation unless its material has changed since.
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { IdSchema } from './schemas';

export async function unpublishQuestion(
  { actor, input }: { actor: { id: string }; input: { id: string } },
  db: Db | DbClient = prisma,
): Promise<void> {
  const id = IdSchema.parse(input.id);
  await inTransaction(db, async (tx) => {
    const question = await tx.question.findFirst({ where: { id, deletedAt: null }, select: { slug: true, published: true } });
    if (!question) throw new NotFoundError('That question does not exist or was deleted.');
    if (!question.published) return;
    await tx.question.update({ where: { id }, data: { published: false }, select: { id: true } });
    await recordAudit({ actor, input: { action: 'question.unpublish', entity: 'question', entityId: id, details: { slug: question.slug } } }, tx);
  });
  await invalidateCatalog({ db });
}
