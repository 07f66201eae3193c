// Writes seeds/taxonomy.json: roles and categories by slug (their names, descriptions and order
// follow the file; admins do not edit them), and each listed topic's category and roles. A topic's
// placement is only ever added to: a category is set when the topic has none, and missing role
// links are added, never removed. A topic listed here that is not in the bank (its seed file has
// not landed yet) is skipped.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { DbClient } from '@/server/db';
import { claimSeededTopics } from './claim-seeded-rows';
import { TaxonomyFileSchema, type TaxonomyFile } from '@/server/taxonomy/schemas';

export type TaxonomySummary = { roles: number; categories: number; topicsPlaced: number; topicsMissing: string[] };

export async function readTaxonomy(file: string): Promise<TaxonomyFile | null> {
  if (!existsSync(file)) return null;
  const parsed = TaxonomyFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export async function seedTaxonomy({ taxonomy }: { taxonomy: TaxonomyFile }, db: DbClient): Promise<TaxonomySummary> {
  const roleIds = new Map<string, string>();
  for (const [position, { slug, name, description }] of taxonomy.roles.entries()) {
    const { id } = await db.jobRole.upsert({ where: { slug }, create: { slug, name, description, position }, update: { name, description, position }, select: { id: true } });
    roleIds.set(slug, id);
  }
  const categoryIds = new Map<string, string>();
  for (const [position, { slug, name, description }] of taxonomy.categories.entries()) {
    const { id } = await db.category.upsert({ where: { slug }, create: { slug, name, description, position }, update: { name, description, position }, select: { id: true } });
    categoryIds.set(slug, id);
  }
  const summary: TaxonomySummary = { roles: roleIds.size, categories: categoryIds.size, topicsPlaced: 0, topicsMissing: [] };
  // By the seeds' slug: an admin may have renamed a topic since (claim-seeded-rows.ts).
  const topicIds = await claimSeededTopics(taxonomy.topics.map((placement) => placement.slug), db);
  for (const placement of taxonomy.topics) {
    const topicId = topicIds.get(placement.slug);
    const topic = topicId ? await db.topic.findUnique({ where: { id: topicId }, select: { id: true, categoryId: true } }) : null;
    if (!topic) {
      summary.topicsMissing.push(placement.slug);
      continue;
    }
    if (!topic.categoryId) await db.topic.update({ where: { id: topic.id }, data: { categoryId: categoryIds.get(placement.category)! }, select: { id: true } });
    await db.topicJobRole.createMany({ data: placement.roles.map((role) => ({ topicId: topic.id, roleId: roleIds.get(role)! })), skipDuplicates: true });
    summary.topicsPlaced++;
  }
  return summary;
}
