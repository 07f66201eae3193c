import { prisma, type DbClient } from '@/server/db';

export type TopicPlacement = { category: { slug: string; name: string } | null; roles: { slug: string; name: string }[] };

// Where a topic sits in the taxonomy, for its page's breadcrumb and role links.
export async function getTopicPlacement({ slug }: { slug: string }, db: DbClient = prisma): Promise<TopicPlacement> {
  const topic = await db.topic.findUnique({
    where: { slug },
    select: {
      category: { select: { slug: true, name: true } },
      roles: { orderBy: { role: { position: 'asc' } }, select: { role: { select: { slug: true, name: true } } } },
    },
  });
  return { category: topic?.category ?? null, roles: topic?.roles.map((r) => r.role) ?? [] };
}
