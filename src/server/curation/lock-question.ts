// Holds a question's row until the transaction ends, so two saves of the same question take turns:
// the second one reads what the first one wrote and can tell that its editor is out of date.
import type { DbClient } from '@/server/db';

export async function lockQuestion(tx: DbClient, id: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Question" WHERE id = ${id}::uuid FOR UPDATE`;
}
