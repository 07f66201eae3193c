import { prisma, type DbClient } from '@/server/db';
import { topicRevision } from './topic-revision';

// `revision`: what the editor opens (topicRevision), sent back with its save.
export type AdminTopicDetail = { id: string; slug: string; name: string; description: string; published: boolean; revision: string };

// A topic as admins edit it (drafts included; deleted ones are gone).
export async function getAdminTopic({ input }: { input: { id: string } }, db: DbClient = prisma): Promise<AdminTopicDetail | null> {
  const topic = await db.topic.findFirst({
    where: { id: input.id, deletedAt: null },
    select: { id: true, slug: true, name: true, description: true, published: true },
  });
  return topic ? { ...topic, revision: topicRevision(topic) } : null;
}
