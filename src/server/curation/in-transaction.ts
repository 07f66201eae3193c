// Runs `fn` in a new transaction, or in the caller's when it passed one, so a verb's writes (and
// their audit entries) land together however the verb is called.
import type { Db, DbClient } from '@/server/db';

export function inTransaction<T>(db: Db | DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  return '$transaction' in db ? (db as Db).$transaction(fn, { timeout: 30_000 }) : fn(db);
}
