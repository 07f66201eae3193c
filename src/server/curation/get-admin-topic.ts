import { prisma, type DbClient } from '@/server/db';

export type AdminTopicDetail = { id: string; slug: string; name: string; description: string; published: boolean };

// A topic as admins edit it (drafts included; deleted ones are gone).
export async function getAdminTopic({ input }: { input: { id: string } }, db: DbClient = prisma): Promise<AdminTopicDetail | null> {
  return db.topic.findFirst({
    where: { id: input.id, deletedAt: null },
    select: { id: true, slug: true, name: true, description: true, published: true },
  });
}
