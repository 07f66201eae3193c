// Sends a NOTIFY (a wake-up hint: the tables are the truth) in its own transaction, after the
// write it announces has committed, and without waiting for the WAL flush.
//
// Why not inside the write's transaction: Postgres serialises every transaction that NOTIFYs on one
// database-wide lock, taken before its commit and held until the commit is done, WAL flush
// included. A submit, a grade's record and a release that each NOTIFY then commit one after
// another, every one waiting out the others' flushes, instead of sharing one flush (group commit).
// Sampled under `BENCH_DB_WAITS=1 npm run bench:load` (pg_stat_activity): a third of the submit
// function's waiting was on that lock ('Lock/object'), the rest on the flush itself (decision 022).
//
// A transaction that only NOTIFYs writes nothing worth a flush, so this one commits asynchronously
// (SET LOCAL, so only its own commit) and holds the lock for microseconds. If Postgres crashed at
// that moment only the hint would be lost: workers poll every few seconds and long-polls re-read
// the table when they time out. The write itself has already committed durably.
//
// Inside an interactive transaction (`db` is a transaction client) SET LOCAL would make that whole
// transaction's commit asynchronous, so there the NOTIFY is plain and is delivered when that
// transaction commits, as before.
//
// Outside a transaction a failure is logged, never thrown: the write it announces has committed,
// so the caller's work is done. `inBackground` resolves at once and lets the statement finish on
// its own: a submit's answer need not wait for a round trip that only wakes a worker. Inside a
// transaction it is always awaited and a failure is thrown (it aborts that transaction anyway).
import { isTransactionClient, type DbClient } from '@/server/db';
import { errorMessage } from '@/lib/error-message';
import { logger } from '@/server/observability/logger';

export async function sendNotification(channel: string, payload: string, db: DbClient, { inBackground = false } = {}): Promise<void> {
  if (isTransactionClient(db)) {
    await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
    return;
  }
  const sent = db.$executeRaw`SELECT set_config('synchronous_commit', 'off', true), pg_notify(${channel}, ${payload})`.then(
    () => {},
    (error: unknown) => logger.warn({ err: errorMessage(error), channel, payload }, 'a wake-up notification was not sent; listeners find the change on their next poll'),
  );
  if (!inBackground) await sent;
}
