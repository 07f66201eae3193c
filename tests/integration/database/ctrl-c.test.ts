// Ctrl-C in the terminal of `npm start` sends SIGINT to every process of the foreground group at
// once. The database must not be among them: Postgres takes SIGINT as "fast shutdown" and would end
// every session while the worker still records the grades in flight. npm start stops it itself,
// last (processes/hold-database.ts stands in for it, holding the stop for HOLD_MS as start.ts does
// while its web server and worker finish).
import pg from 'pg';
import { expect, it } from 'vitest';
import { isProcessAlive } from '@/grading/sandbox/is-process-alive';
import { HOLD, ownerProcesses } from './owner-processes';

const owners = ownerProcesses('rehearse-ctrl-c-');

it('a SIGINT to the whole group leaves the database answering until its owner stops it, last', { timeout: 240_000 }, async () => {
  const owner = owners.start(HOLD, { HOLD_MS: '3000' });
  await owners.until(owner, /\[hold\] ready/);
  const url = owners.runningUrl();
  const postmaster = owners.postmaster()!;
  const client = new pg.Client({ connectionString: url });
  // A session the server ended shows in the query below, not as an unhandled 'error' event.
  client.on('error', () => {});
  await client.connect();
  try {
    process.kill(-owner.child.pid!, 'SIGINT');
    await owners.until(owner, /\[hold\] stopping/);
    // Inside the owner's own stop, the session opened before the Ctrl-C still works.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  } finally {
    await client.end().catch(() => {});
  }
  expect(await owner.exited).toBe(0);
  // Stopped by its owner on the way out, not left behind.
  expect(isProcessAlive(postmaster)).toBe(false);
});
