// A question the bank already has, re-seeded: the same step for the seed document
// (import-seed-document.ts) and the seed topics (seed-topics.ts), kept here once so the two cannot
// drift apart. The three-way rule of merge-seeded-fields.ts over the fields the seeds own, then one
// write of the changed fields and the new `seededFields` record (none when nothing changed). The
// caller finds the row and skips a deleted one; a new question is the caller's own path.
import type { Prisma } from '@/generated/prisma/client';
import type { DbClient } from '@/server/db';
import { mergeSeededFields, readSeededFields, type KeptField, type SeededValues } from './merge-seeded-fields';

// Positions are the seeds' alone: no admin page sets one, so a position with no record is the seeds'.
export const SEED_ONLY_FIELDS = ['position'] as const;

export async function reseedExistingQuestion(
  {
    question,
    seed,
    seedSlug,
    practiceCount,
  }: {
    // The stored row: its id, its `seededFields` and at least the fields named in `seed`.
    question: SeededValues & { id: string; seededFields: unknown };
    seed: SeededValues;
    // The slug the seeds know the question by, to name its kept fields in the summary.
    seedSlug: string;
    // The seed document's practice count: outside the three-way rule, it is written only when it
    // is higher than the stored one (a count only ever grows), and that alone counts as an update.
    practiceCount?: { current: number; seed: number };
  },
  db: DbClient,
): Promise<{ updated: boolean; kept: KeptField[] }> {
  const merged = mergeSeededFields({ current: question, recorded: readSeededFields(question.seededFields), seed, adoptUnrecorded: SEED_ONLY_FIELDS });
  const kept = merged.kept.map(({ field, reason }) => ({ entity: 'question' as const, slug: seedSlug, field, reason }));
  const data: Prisma.QuestionUpdateInput = { ...(merged.data as Prisma.QuestionUpdateInput) };
  if (practiceCount && practiceCount.seed > practiceCount.current) data.seededPracticeCount = practiceCount.seed;
  // A field the merge writes always changes the record, so the record goes with every such write.
  if (merged.recordChanged) data.seededFields = merged.record as Prisma.InputJsonObject;
  if (Object.keys(data).length === 0) return { updated: false, kept };
  await db.question.update({ where: { id: question.id }, data, select: { id: true } });
  // A write of the record alone is not an update of the question.
  return { updated: Object.keys(merged.data).length > 0 || data.seededPracticeCount !== undefined, kept };
}
