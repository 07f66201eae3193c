// Keeps the embedded Postgres of `npm start` up: a postmaster that died (killed by the kernel's
// OOM killer, by hand, by a crash) left the app running on a database that was gone, every page a
// 503 and every grading retried, until someone restarted everything. Checked every second; a dead
// one is started again on the same data and port (the web server, the worker and their listeners
// reconnect by themselves), with a pause that doubles after each failed start (1 s … 30 s).
// A server shutting down on request (SIGTERM: "smart" shutdown, which waits for its clients) is
// left alone while it runs; once it has exited it counts as dead like any other. Only the owner's
// own stop ends the keeping: markDatabaseStopping (scripts/lib/prepare-database.ts) stops the
// keeper first, since a Ctrl-C reaches Postgres as well as the owner where the server shares the
// owner's process group (every owner but npm start and npm run dev).
import type { EmbeddedDatabase } from './start-embedded-postgres';
import { errorMessage } from '@/lib/error-message';

// `stop` resolves once a start under way has finished, so the server can then be stopped for good.
export type PostgresKeeper = { stop: () => Promise<void> };

export function keepPostgresRunning(
  database: Pick<EmbeddedDatabase, 'isRunning' | 'restart' | 'port'>,
  { log, intervalMs = 1_000, maxDelayMs = 30_000 }: { log: (line: string) => void; intervalMs?: number; maxDelayMs?: number },
): PostgresKeeper {
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<unknown> = Promise.resolve();

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void check(), ms);
    // A keeper alone never holds a process open (a script that is done may exit).
    timer.unref();
  };

  async function check() {
    if (stopped) return;
    if (database.isRunning()) return schedule(intervalMs);
    if (failures === 0) log(`the embedded Postgres is no longer running; starting it again on the same data (port ${database.port})`);
    try {
      restarting = database.restart();
      await restarting;
      if (stopped) return;
      log('the embedded Postgres is running again');
      failures = 0;
      schedule(intervalMs);
    } catch (error) {
      // Stopped meanwhile: a Ctrl-C reaches the Postgres being started too, and its start fails.
      if (stopped) return;
      failures++;
      const delay = Math.min(maxDelayMs, intervalMs * 2 ** (failures - 1));
      log(`could not start the embedded Postgres again (${errorMessage(error).split('\n')[0]}); trying again in ${(delay / 1000).toFixed(0)} s`);
      schedule(delay);
    }
  }

  schedule(intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await restarting.catch(() => {});
    },
  };
}
