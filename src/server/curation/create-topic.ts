import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { inTransaction } from './in-transaction';
import { TopicInputSchema, type TopicInput } from './schemas';
import { rethrowSlugConflict } from './unique-violation';

export async function createTopic(
  { actor, input }: { actor: { id: string }; input: TopicInput },
  db: Db | DbClient = prisma,
): Promise<{ id: string; slug: string }> {
  const data = TopicInputSchema.parse(input);
  try {
    const created = await inTransaction(db, async (tx) => {
      const topic = await tx.topic.create({ data, select: { id: true, slug: true } });
      await recordAudit({ actor, input: { action: 'topic.create', entity: 'topic', entityId: topic.id, details: { slug: topic.slug, published: data.published } } }, tx);
      return topic;
    });
    await invalidateCatalog({ db });
    return created;
  } catch (error) {
    rethrowSlugConflict(error, 'topic', data.slug);
  }
}
