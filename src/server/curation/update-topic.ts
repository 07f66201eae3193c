import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { fieldChanges } from '@/server/audit/field-changes';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { IdSchema, TopicInputSchema, type TopicInput } from './schemas';
import { rethrowSlugConflict } from './unique-violation';

export async function updateTopic(
  { actor, input }: { actor: { id: string }; input: TopicInput & { id: string } },
  db: Db | DbClient = prisma,
): Promise<{ id: string; slug: string }> {
  const id = IdSchema.parse(input.id);
  const data = TopicInputSchema.parse({ slug: input.slug, name: input.name, description: input.description, published: input.published });
  try {
    const updated = await inTransaction(db, async (tx) => {
      const before = await tx.topic.findFirst({ where: { id, deletedAt: null }, select: { slug: true, name: true, description: true, published: true } });
      if (!before) throw new NotFoundError('That topic does not exist or was deleted.');
      const changed = (Object.keys(data) as (keyof TopicInput)[]).filter((key) => data[key] !== before[key]);
      const topic = await tx.topic.update({ where: { id }, data, select: { id: true, slug: true } });
      await recordAudit({ actor, input: { action: 'topic.update', entity: 'topic', entityId: id, details: { slug: topic.slug, changed, changes: fieldChanges(before, data) } } }, tx);
      return topic;
    });
    await invalidateCatalog({ db });
    return updated;
  } catch (error) {
    rethrowSlugConflict(error, 'topic', data.slug);
  }
}
