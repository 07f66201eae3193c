import { prisma, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import type { ListTopicsQuery } from './schemas';
import { taxonomyTopicSelect, toTaxonomyTopic, visibleTopic, type TaxonomyTopic } from './taxonomy-topic';

// The visible topics of a role and/or a category, with their place in the taxonomy. An unknown
// role or category is a NotFoundError naming it, so the API answers 404 rather than an empty list.
export async function listTaxonomyTopics({ role, category }: ListTopicsQuery, db: DbClient = prisma): Promise<TaxonomyTopic[]> {
  if (role && !(await db.jobRole.findUnique({ where: { slug: role }, select: { id: true } }))) {
    throw new NotFoundError(`There is no role "${role}". GET /api/roles lists them.`);
  }
  if (category && !(await db.category.findUnique({ where: { slug: category }, select: { id: true } }))) {
    throw new NotFoundError(`There is no category "${category}".`);
  }
  const topics = await db.topic.findMany({
    where: {
      ...visibleTopic,
      ...(role ? { roles: { some: { role: { slug: role } } } } : {}),
      ...(category ? { category: { slug: category } } : {}),
    },
    orderBy: { name: 'asc' },
    select: taxonomyTopicSelect,
  });
  return topics.map(toTaxonomyTopic);
}
