// Runs `fn` in a new transaction, or in the caller's when it passed one, so a verb's writes (and
// their audit entries) land together however the verb is called.
import { isTransactionClient, type Db, type DbClient } from '@/server/db';

export function inTransaction<T>(db: Db | DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  return isTransactionClient(db) ? fn(db) : (db as Db).$transaction(fn, { timeout: 30_000 });
}
