// What the database's busy connections are waiting on, sampled while a benchmark runs
// (`BENCH_DB_WAITS=1 npm run bench:load`): every `intervalMs` it reads pg_stat_activity and counts,
// per statement (its first words) and wait event, how often an active client backend was seen
// there. pg_stat_statements is not in the embedded Postgres's preload list, so sampling is the way
// to see whether a statement spends its time on CPU, on a lock or on the WAL flush (decision 022).
// The counts are samples, not milliseconds: compare shares within one run.
import pg from 'pg';

export type DbWaitSampler = { stop: () => Promise<string[]> };

export async function sampleDbWaits(databaseUrl: string, { intervalMs = 20, top = 15 } = {}): Promise<DbWaitSampler> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {});
  await client.connect();
  const seen = new Map<string, number>();
  let samples = 0;
  let running = true;
  let stoppedBy: string | null = null;
  const loop = (async () => {
    while (running) {
      const read = await client.query<{ wait: string; statement: string }>(
        `SELECT coalesce(wait_event_type || '/' || wait_event, 'CPU') AS wait,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS statement
           FROM pg_stat_activity
          WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      ).catch((error: unknown) => {
        // Said beside the counts, so a run that stopped sampling early does not read as complete.
        stoppedBy = error instanceof Error ? error.message : String(error);
        return null;
      });
      if (!read) return;
      samples++;
      for (const { wait, statement } of read.rows) {
        const key = `${wait.padEnd(22)} ${statement.trim()}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end().catch(() => {});
      const total = [...seen.values()].reduce((a, b) => a + b, 0);
      return [
        `database waits: ${samples} samples of pg_stat_activity${stoppedBy ? ` (sampling STOPPED EARLY: ${stoppedBy})` : ''}, ${total} active-backend sightings; the ${top} most seen (share of sightings, wait, statement):`,
        ...[...seen]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([key, n]) => `  ${((100 * n) / Math.max(1, total)).toFixed(1).padStart(5)}%  ${key}`),
      ];
    },
  };
}
