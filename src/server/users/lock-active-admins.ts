// Locks every active admin row for the rest of the transaction, so two admins demoting or
// disabling each other at the same moment cannot leave the bank with none.
import type { DbClient } from '@/server/db';

export async function lockActiveAdmins(tx: DbClient): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabledAt" IS NULL ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.id);
}
