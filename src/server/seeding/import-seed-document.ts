// Writes one parsed seed document into the bank. Idempotent: topics and questions are matched by
// the slug the seeds know them by (claim-seeded-rows.ts: an admin's rename does not lose them), and
// a practice count only ever grows (a re-import never lowers a count that has grown).
// An existing topic's name and description and a question's prompt, difficulty, type and position
// take the document's values only where nobody changed them since the seeds last wrote them
// (merge-seeded-fields.ts; for a question, reseed-existing-question.ts); a field an admin changed
// is kept and named in `kept`. A topic or question an admin deleted is left alone.
import type { DbClient } from '@/server/db';
import { claimSeededQuestions, claimSeededTopic, takenSeedQuestionSlugs } from './claim-seeded-rows';
import type { KeptField } from './merge-seeded-fields';
import type { ParsedSeedDocument } from './parse-seed-document';
import { reseedExistingQuestion } from './reseed-existing-question';
import { updateSeededTopic } from './update-seeded-topic';

const DIFFICULTY = { Easy: 'EASY', Medium: 'MEDIUM', Hard: 'HARD' } as const;
const TYPE = { Technical: 'TECHNICAL', 'System Design': 'SYSTEM_DESIGN', Behavioral: 'BEHAVIORAL' } as const;

// `updated`: existing questions whose fields (or practice count) the seeds changed.
export type ImportSummary = { topic: string; created: number; updated: number; kept: KeptField[] };

export async function importSeedDocument({ doc }: { doc: ParsedSeedDocument }, db: DbClient): Promise<ImportSummary> {
  const summary: ImportSummary = { topic: doc.topic.slug, created: 0, updated: 0, kept: [] };
  const topicSeed = { name: doc.topic.name, description: doc.topic.description };
  const seededTopic = await claimSeededTopic(doc.topic.slug, db);
  if (seededTopic.holder !== undefined) {
    summary.kept.push({ entity: 'topic', slug: doc.topic.slug, field: 'slug', reason: 'taken', holder: seededTopic.holder });
    return summary;
  }
  const existingTopic = seededTopic.id
    ? await db.topic.findUnique({ where: { id: seededTopic.id }, select: { id: true, name: true, description: true, deletedAt: true, seededFields: true } })
    : null;
  if (existingTopic?.deletedAt) return summary;
  let topicId: string;
  if (existingTopic) {
    topicId = existingTopic.id;
    summary.kept.push(...(await updateSeededTopic({ topic: existingTopic, seed: topicSeed, seedSlug: doc.topic.slug }, db)).kept);
  } else {
    ({ id: topicId } = await db.topic.create({ data: { slug: doc.topic.slug, seedSlug: doc.topic.slug, ...topicSeed, seededFields: topicSeed }, select: { id: true } }));
  }

  const questionIds = await claimSeededQuestions(doc.questions.map((q) => q.slug), db);
  const takenSlugs = await takenSeedQuestionSlugs(doc.questions.map((q) => q.slug), questionIds, db);
  for (const [position, q] of doc.questions.entries()) {
    const holder = takenSlugs.get(q.slug);
    if (holder !== undefined) {
      summary.kept.push({ entity: 'question', slug: q.slug, field: 'slug', reason: 'taken', holder });
      continue;
    }
    const seed = { prompt: q.prompt, difficulty: DIFFICULTY[q.difficulty], type: TYPE[q.type], position };
    const id = questionIds.get(q.slug);
    const existing = id
      ? await db.question.findUnique({
          where: { id },
          select: { id: true, prompt: true, difficulty: true, type: true, position: true, seededPracticeCount: true, deletedAt: true, seededFields: true },
        })
      : null;
    if (!existing) {
      await db.question.create({
        data: { ...seed, slug: q.slug, seedSlug: q.slug, topicId, answerKind: q.answerKind, seededPracticeCount: q.practiced, seededFields: seed },
        select: { id: true },
      });
      summary.created++;
      continue;
    }
    if (existing.deletedAt) continue;
    const practiceCount = { current: existing.seededPracticeCount, seed: q.practiced };
    const reseeded = await reseedExistingQuestion({ question: existing, seed, seedSlug: q.slug, practiceCount }, db);
    summary.kept.push(...reseeded.kept);
    if (reseeded.updated) summary.updated++;
  }
  return summary;
}
