// Holds a question's row until the transaction ends, so two writers of the same question's
// material (a save, a publish, a bundle import) take turns: the second one reads what the first
// one wrote (an editor can tell it is out of date; a publish sees that a save cleared the
// validation). Every such writer takes it first, before touching a version row, so they cannot
// deadlock on each other. NO KEY UPDATE, not UPDATE: it does not conflict with the KEY SHARE lock
// an attempt's or a version's insert takes on its question, so practice goes on meanwhile.
import type { DbClient } from '@/server/db';

export async function lockQuestion(tx: DbClient, id: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Question" WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
}

/** The same lock, found by slug (a bundle names its questions by slug); the id, or null when no question has it. */
export async function lockQuestionBySlug(tx: DbClient, slug: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Question" WHERE slug = ${slug} FOR NO KEY UPDATE`;
  return rows[0]?.id ?? null;
}
