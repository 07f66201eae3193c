// Writes one parsed seed document into the bank. Idempotent: topics and questions are matched by
// slug, and a practice count only ever grows (a re-import never lowers a count that has grown).
import type { DbClient } from '@/server/db';
import type { ParsedSeedDocument } from './parse-seed-document';

const DIFFICULTY = { Easy: 'EASY', Medium: 'MEDIUM', Hard: 'HARD' } as const;
const TYPE = { Technical: 'TECHNICAL', 'System Design': 'SYSTEM_DESIGN', Behavioral: 'BEHAVIORAL' } as const;

export type ImportSummary = { topic: string; created: number; updated: number };

export async function importSeedDocument({ doc }: { doc: ParsedSeedDocument }, db: DbClient): Promise<ImportSummary> {
  const topic = await db.topic.upsert({
    where: { slug: doc.topic.slug },
    create: { slug: doc.topic.slug, name: doc.topic.name, description: doc.topic.description },
    update: { name: doc.topic.name, description: doc.topic.description },
    select: { id: true },
  });
  const summary: ImportSummary = { topic: doc.topic.slug, created: 0, updated: 0 };
  for (const [position, q] of doc.questions.entries()) {
    const fields = {
      prompt: q.prompt,
      difficulty: DIFFICULTY[q.difficulty],
      type: TYPE[q.type],
      position,
    };
    const existing = await db.question.findUnique({
      where: { slug: q.slug },
      select: { id: true, seededPracticeCount: true },
    });
    if (!existing) {
      await db.question.create({
        data: { ...fields, slug: q.slug, topicId: topic.id, answerKind: q.answerKind, seededPracticeCount: q.practiced },
        select: { id: true },
      });
      summary.created++;
    } else {
      await db.question.update({
        where: { id: existing.id },
        data: { ...fields, seededPracticeCount: Math.max(existing.seededPracticeCount, q.practiced) },
        select: { id: true },
      });
      summary.updated++;
    }
  }
  return summary;
}
