import { prisma, type DbClient } from '@/server/db';
import { visibleTopic } from './taxonomy-topic';

export type CategoryListItem = { slug: string; name: string; description: string; topicCount: number };

// Every category, in the order the bank lists them, with how many visible topics it has.
export async function listCategories(db: DbClient = prisma): Promise<CategoryListItem[]> {
  const categories = await db.category.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { slug: true, name: true, description: true, _count: { select: { topics: { where: visibleTopic } } } },
  });
  return categories.map(({ _count, ...category }) => ({ ...category, topicCount: _count.topics }));
}
