import { prisma, type DbClient } from '@/server/db';
import { isSlug } from '@/server/questions/schemas';
import { taxonomyTopicSelect, toTaxonomyTopic, visibleTopic, type TaxonomyTopic } from './taxonomy-topic';

export type RoleDetail = { slug: string; name: string; description: string; topics: TaxonomyTopic[] };

// A role and its visible topics (ordered by category, then name), or null when there is none.
export async function getRole({ slug }: { slug: string }, db: DbClient = prisma): Promise<RoleDetail | null> {
  if (!isSlug(slug)) return null;
  const role = await db.jobRole.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      description: true,
      topics: { where: { topic: visibleTopic }, select: { topic: { select: { ...taxonomyTopicSelect, category: { select: { slug: true, name: true, position: true } } } } } },
    },
  });
  if (!role) return null;
  const topics = role.topics
    .map((t) => t.topic)
    .sort((a, b) => (a.category?.position ?? Infinity) - (b.category?.position ?? Infinity) || a.name.localeCompare(b.name))
    .map(({ category, ...topic }) => toTaxonomyTopic({ ...topic, category: category ? { slug: category.slug, name: category.name } : null }));
  return { slug: role.slug, name: role.name, description: role.description, topics };
}
