// An existing seeded topic's name and description under the three-way rule (merge-seeded-fields.ts),
// for the seed document and the seed topics alike: writes the seed's values where nobody changed
// them since the seeds last wrote them, records what the seeds wrote, and returns the values the
// topic has now and the fields it kept (named by the seeds' slug, for the summary).
import type { Prisma } from '@/generated/prisma/client';
import type { DbClient } from '@/server/db';
import { mergeSeededFields, readSeededFields, type KeptField } from './merge-seeded-fields';

type TopicFields = { name: string; description: string };

export async function updateSeededTopic(
  { topic, seed, seedSlug }: { topic: TopicFields & { id: string; seededFields: unknown }; seed: TopicFields; seedSlug: string },
  db: DbClient,
): Promise<TopicFields & { kept: KeptField[] }> {
  const merged = mergeSeededFields({ current: topic, recorded: readSeededFields(topic.seededFields), seed });
  if (Object.keys(merged.data).length > 0 || merged.recordChanged) {
    await db.topic.update({ where: { id: topic.id }, data: { ...(merged.data as Prisma.TopicUpdateInput), seededFields: merged.record as Prisma.InputJsonObject }, select: { id: true } });
  }
  return {
    name: (merged.data.name as string | undefined) ?? topic.name,
    description: (merged.data.description as string | undefined) ?? topic.description,
    kept: merged.kept.map(({ field, reason }) => ({ entity: 'topic', slug: seedSlug, field, reason })),
  };
}
