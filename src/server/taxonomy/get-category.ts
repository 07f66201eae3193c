import { prisma, type DbClient } from '@/server/db';
import { isSlug } from '@/server/questions/schemas';
import { taxonomyTopicSelect, toTaxonomyTopic, visibleTopic, type TaxonomyTopic } from './taxonomy-topic';

export type CategoryDetail = { slug: string; name: string; description: string; topics: TaxonomyTopic[] };

// A category and its visible topics, or null when there is none.
export async function getCategory({ slug }: { slug: string }, db: DbClient = prisma): Promise<CategoryDetail | null> {
  if (!isSlug(slug)) return null;
  const category = await db.category.findUnique({
    where: { slug },
    select: { slug: true, name: true, description: true, topics: { where: visibleTopic, orderBy: { name: 'asc' }, select: taxonomyTopicSelect } },
  });
  if (!category) return null;
  return { ...category, topics: category.topics.map(toTaxonomyTopic) };
}
