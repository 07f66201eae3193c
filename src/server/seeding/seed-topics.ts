// Imports each seed topic (seeds/topics/*.json) through the bundle importer, adding only the
// questions the bank does not have yet: an existing question (even one an admin deleted) is never
// touched, an existing topic keeps the name and description admins gave it, and a topic an admin
// deleted is left deleted. New questions start at 0 practised. Every bundle is checked whole
// first, so a broken file fails the seeding even when none of its questions is new.
import path from 'node:path';
import { importBundle } from '@/server/bundles/import-bundle';
import { realGraders } from '@/server/curation/real-graders';
import type { DbClient } from '@/server/db';
import { listSeedTopicFiles, readSeedTopicBundle } from './assemble-topic-bundle';

export type SeedTopicSummary = { topic: string; created: number; updated: number };

export async function seedTopics({ dir }: { dir: string }, db: DbClient): Promise<SeedTopicSummary[]> {
  const files = await listSeedTopicFiles(path.join(dir, 'topics'));
  const summaries: SeedTopicSummary[] = [];
  for (const file of files) {
    const { topic, bundle } = await readSeedTopicBundle({ dir, file });
    const summary = { topic: bundle.topic.slug, created: 0, updated: 0 };
    summaries.push(summary);
    const existing = await db.topic.findUnique({ where: { slug: bundle.topic.slug }, select: { name: true, description: true, published: true, deletedAt: true } });
    if (existing?.deletedAt) continue;
    const known = new Set((await db.question.findMany({ where: { slug: { in: bundle.questions.map((q) => q.slug) } }, select: { slug: true } })).map((q) => q.slug));
    const fresh = bundle.questions.filter((q) => !known.has(q.slug));
    if (fresh.length === 0) continue;
    const topicFields = existing ? { slug: bundle.topic.slug, name: existing.name, description: existing.description, published: existing.published } : bundle.topic;
    // New seed material is validated in this process, in the sandbox, as `npm run bank:import` does.
    const result = await importBundle({ actor: null, input: { ...bundle, topic: topicFields, questions: fresh } }, db, realGraders);
    summary.created = result.questionsCreated;
    // The importer numbers positions within what it was given; keep the seed file's order.
    for (const question of fresh) {
      await db.question.update({ where: { slug: question.slug }, data: { position: topic.questions.indexOf(question.slug) }, select: { id: true } });
    }
  }
  return summaries;
}
