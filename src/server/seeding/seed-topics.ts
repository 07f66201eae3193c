// Imports each seed topic (seeds/topics/*.json), its topic and questions found by the slugs the
// seeds know them by (claim-seeded-rows.ts): questions the bank does not have yet through the
// bundle importer (validated as `npm run bank:import` validates; new questions start at 0
// practised); an existing topic's name and description and an existing question's prompt,
// difficulty, type, tags and position take the seed's values only where nobody changed them since
// the seeds last wrote them (merge-seeded-fields.ts; for a question, reseed-existing-question.ts),
// and a field an admin changed is kept and named in `kept`. Grading material is never touched here
// (`--refresh` publishes it). A topic or question an admin deleted is left deleted. Every bundle is
// checked whole first, so a broken file fails the seeding even when nothing in it is new.
import path from 'node:path';
import { importBundle } from '@/server/bundles/import-bundle';
import type { Bundle } from '@/server/bundles/schemas';
import { realGraders } from '@/server/curation/real-graders';
import type { DbClient } from '@/server/db';
import { listSeedTopicFiles, readSeedTopicBundle } from './assemble-topic-bundle';
import { claimSeededQuestions, claimSeededTopic, takenSeedQuestionSlugs } from './claim-seeded-rows';
import type { ImportSummary } from './import-seed-document';
import { reseedExistingQuestion } from './reseed-existing-question';
import { updateSeededTopic } from './update-seeded-topic';

export type SeedTopicSummary = ImportSummary;

const questionSelect = { id: true, slug: true, prompt: true, difficulty: true, type: true, tags: true, position: true, deletedAt: true, seededFields: true } as const;

const seedOfQuestion = (q: Bundle['questions'][number], position: number) => ({ prompt: q.prompt, difficulty: q.difficulty, type: q.type, tags: q.tags, position });

export async function seedTopics({ dir }: { dir: string }, db: DbClient): Promise<SeedTopicSummary[]> {
  const files = await listSeedTopicFiles(path.join(dir, 'topics'));
  const summaries: SeedTopicSummary[] = [];
  for (const file of files) {
    const { topic, bundle } = await readSeedTopicBundle({ dir, file });
    const slug = bundle.topic.slug;
    const summary: SeedTopicSummary = { topic: slug, created: 0, updated: 0, kept: [] };
    summaries.push(summary);
    // Found by the slug the seeds know it by, wherever an admin has renamed it (claim-seeded-rows.ts).
    const seededTopic = await claimSeededTopic(slug, db);
    // A slug an admin gave another seeded topic: the importer would add these questions to it.
    if (seededTopic.holder !== undefined) {
      summary.kept.push({ entity: 'topic', slug, field: 'slug', reason: 'taken', holder: seededTopic.holder });
      continue;
    }
    const existing = seededTopic.id
      ? await db.topic.findUnique({ where: { id: seededTopic.id }, select: { id: true, slug: true, name: true, description: true, published: true, deletedAt: true, seededFields: true } })
      : null;
    if (existing?.deletedAt) continue;
    let topicFields = bundle.topic;
    if (existing) {
      const { name, description, kept } = await updateSeededTopic({ topic: existing, seed: { name: bundle.topic.name, description: bundle.topic.description }, seedSlug: slug }, db);
      summary.kept.push(...kept);
      // The importer below writes these back unchanged; `published` is the admins'.
      topicFields = { slug: existing.slug, name, description, published: existing.published };
    }

    const seededIds = await claimSeededQuestions(bundle.questions.map((q) => q.slug), db);
    const known = await db.question.findMany({ where: { id: { in: [...seededIds.values()] } }, select: questionSelect });
    const byId = new Map(known.map((q) => [q.id, q]));
    // By the seeds' slug: an admin may have renamed the question since.
    const bySlug = new Map([...seededIds].map(([seedSlug, id]) => [seedSlug, byId.get(id)!]));
    for (const question of bundle.questions) {
      const current = bySlug.get(question.slug);
      if (!current || current.deletedAt) continue;
      const seed = seedOfQuestion(question, topic.questions.indexOf(question.slug));
      const reseeded = await reseedExistingQuestion({ question: current, seed, seedSlug: question.slug }, db);
      summary.kept.push(...reseeded.kept);
      if (reseeded.updated) summary.updated++;
    }

    // A slug an admin gave another seeded question: the importer would write this one over it.
    const takenSlugs = await takenSeedQuestionSlugs(bundle.questions.map((q) => q.slug), seededIds, db);
    for (const [questionSlug, holder] of takenSlugs) summary.kept.push({ entity: 'question', slug: questionSlug, field: 'slug', reason: 'taken', holder });
    const fresh = bundle.questions.filter((q) => !bySlug.has(q.slug) && !takenSlugs.has(q.slug));
    if (fresh.length === 0) continue;
    // New seed material is validated in this process, in the sandbox, as `npm run bank:import` does.
    const result = await importBundle({ actor: null, input: { ...bundle, topic: topicFields, questions: fresh } }, db, realGraders);
    summary.created = result.questionsCreated;
    if (!existing) {
      const created = await db.topic.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true, description: true } });
      await db.topic.update({ where: { id: created.id }, data: { seedSlug: slug, seededFields: { name: created.name, description: created.description } }, select: { id: true } });
    }
    // The importer numbers positions within what it was given; keep the seed file's order. The
    // record is what the importer stored, so a later re-seed compares like with like.
    const stored = await db.question.findMany({ where: { slug: { in: fresh.map((q) => q.slug) } }, select: questionSelect });
    for (const row of stored) {
      const position = topic.questions.indexOf(row.slug);
      const record = { prompt: row.prompt, difficulty: row.difficulty, type: row.type, tags: row.tags, position };
      await db.question.update({ where: { id: row.id }, data: { position, seedSlug: row.slug, seededFields: record }, select: { id: true } });
    }
  }
  return summaries;
}
