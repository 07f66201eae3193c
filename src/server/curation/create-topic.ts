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
    return await inTransaction(db, async (tx) => {
      const topic = await tx.topic.create({ data, select: { id: true, slug: true } });
      await recordAudit({ actor, input: { action: 'topic.create', entity: 'topic', entityId: topic.id, details: { slug: topic.slug, published: data.published } } }, tx);
      return topic;
    });
  } catch (error) {
    rethrowSlugConflict(error, 'topic', data.slug);
  }
}
