// Edits a topic. `basedOn`: the topicRevision the editor opened; a save based on fields someone
// else has changed since is refused (409), so a second tab cannot silently undo the first one's edit.
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { fieldChanges } from '@/server/audit/field-changes';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { IdSchema, RevisionSchema, TopicInputSchema, type TopicInput } from './schemas';
import { topicRevision } from './topic-revision';
import { rethrowSlugConflict } from './unique-violation';

export async function updateTopic(
  { actor, input }: { actor: { id: string }; input: TopicInput & { id: string; basedOn?: string } },
  db: Db | DbClient = prisma,
): Promise<{ id: string; slug: string; revision: string }> {
  const id = IdSchema.parse(input.id);
  const basedOn = RevisionSchema.optional().parse(input.basedOn);
  const data = TopicInputSchema.parse({ slug: input.slug, name: input.name, description: input.description, published: input.published });
  try {
    const updated = await inTransaction(db, async (tx) => {
      // Two saves of one topic take turns, so the second one sees what the first one wrote.
      await tx.$queryRaw`SELECT 1 FROM "Topic" WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
      const before = await tx.topic.findFirst({ where: { id, deletedAt: null }, select: { slug: true, name: true, description: true, published: true } });
      if (!before) throw new NotFoundError('That topic does not exist or was deleted.');
      if (basedOn !== undefined && basedOn !== topicRevision(before)) {
        throw new ConflictError('Someone else saved this topic after you opened it. Reload to see their changes; your edits are still in the form.');
      }
      const changed = (Object.keys(data) as (keyof TopicInput)[]).filter((key) => data[key] !== before[key]);
      const topic = await tx.topic.update({ where: { id }, data, select: { id: true, slug: true } });
      await recordAudit({ actor, input: { action: 'topic.update', entity: 'topic', entityId: id, details: { slug: topic.slug, changed, changes: fieldChanges(before, data) } } }, tx);
      return { ...topic, revision: topicRevision(data) };
    });
    await invalidateCatalog({ db });
    return updated;
  } catch (error) {
    rethrowSlugConflict(error, 'topic', data.slug);
  }
}
