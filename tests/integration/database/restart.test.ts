// Restart safety of the embedded Postgres, the way people stop things: SIGTERM and start again at
// once (the old server is still shutting down), SIGKILL of the whole process group (stale
// postgres.json and postmaster.pid), and SIGKILL of the Node process alone (an orphaned server).
// Each start must go on with a server on the same data. `npm run worker` stands in for `npm start`:
// it takes the database through the same prepareDatabase, without a Next.js build.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '@/grading/sandbox/is-process-alive';
import { readPostmasterPid } from '@/server/database/free-data-dir';
import { HOLD, ownerProcesses, type OwnerProcess } from './owner-processes';

const owners = ownerProcesses('rehearse-restart-');
const { dataDir, runningUrl } = owners;

const WORKER = path.join('scripts', 'worker.ts');

function start(script = WORKER, extra: Record<string, string> = {}): OwnerProcess {
  return owners.start(script, { ...extra, WORKER_POLL_MS: '60000', LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
}

const ready = (started: OwnerProcess) => owners.until(started, /worker \S+ ready|\[hold\] ready/);

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: runningUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const marker = async () => (await query<{ note: string }>('SELECT note FROM restart_marker'))[0]?.note;

// Each start is a Node process with tsx and (at first) initdb: seconds each on a busy machine.
const SLOW = { timeout: 240_000 };

describe('restarting on the embedded Postgres', () => {
  it('SIGTERM then a new start within a second, three times over, keeps one server on the same data', SLOW, async () => {
    let current = start();
    await ready(current);
    await query('CREATE TABLE restart_marker (note text)');
    await query("INSERT INTO restart_marker VALUES ('kept')");

    for (let round = 0; round < 3; round++) {
      const previous = current;
      previous.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100 + round * 300));
      current = start();
      await ready(current);
      expect(await previous.exited).toBe(0);
      expect(current.output()).not.toMatch(/could not start|shutting down/);
      expect(await marker()).toBe('kept');
    }
    current.child.kill('SIGTERM');
    expect(await current.exited).toBe(0);
    // A clean stop leaves neither the running file nor a server behind.
    expect(existsSync(path.join(dataDir, 'postgres.json'))).toBe(false);
    expect(readPostmasterPid(path.join(dataDir, 'postgres'))).toBeNull();
  });

  it('a start while the previous owner is still stopping its children waits for it, never shares its dying server', SLOW, async () => {
    // Long enough that the second start arrives while the first still runs its server.
    const first = start(HOLD, { HOLD_MS: '8000' });
    await ready(first);
    first.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = start(HOLD);
    await ready(second);
    expect(await first.exited).toBe(0);
    expect(second.output()).not.toMatch(/already running/);
    expect(second.output()).toMatch(/waiting for the Postgres still running/);
    // The second owns a server of its own that outlives the first.
    expect(JSON.parse(readFileSync(path.join(dataDir, 'postgres.json'), 'utf8'))).toMatchObject({ pid: second.child.pid, state: 'running' });
    expect(await query<{ ok: number }>('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('after SIGKILL of the whole process group, the stale files are detected and the next start goes on', SLOW, async () => {
    const killed = start();
    await ready(killed);
    process.kill(-killed.child.pid!, 'SIGKILL');
    await killed.exited;
    expect(existsSync(path.join(dataDir, 'postgres.json'))).toBe(true);

    const next = start();
    await ready(next);
    expect(await marker()).toBe('kept');
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });

  it('after SIGKILL of the Node process alone, the orphaned server is shut down and a fresh one started', SLOW, async () => {
    const killed = start();
    await ready(killed);
    const orphan = readPostmasterPid(path.join(dataDir, 'postgres'));
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(orphan !== null && isProcessAlive(orphan)).toBe(true);

    const next = start();
    await ready(next);
    expect(next.output()).toMatch(/left running by a process that is gone/);
    expect(readPostmasterPid(path.join(dataDir, 'postgres'))).not.toBe(orphan);
    expect(await marker()).toBe('kept');
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });

  it('a Postgres killed while its owner runs is started again on the same data and port; the owner still stops cleanly', SLOW, async () => {
    const owner = start();
    await ready(owner);
    const url = runningUrl();
    const killed = readPostmasterPid(path.join(dataDir, 'postgres'))!;
    process.kill(killed, 'SIGKILL');
    await owners.until(owner, /the embedded Postgres is running again/);
    expect(owner.output()).toMatch(/no longer running; starting it again on the same data/);
    // The same address (the app's processes hold it), a new postmaster, the data kept.
    expect(runningUrl()).toBe(url);
    expect(readPostmasterPid(path.join(dataDir, 'postgres'))).not.toBe(killed);
    expect(await marker()).toBe('kept');

    // Killed again and the owner stopped at once: the stop neither hangs on the dead server nor
    // leaves the one being started behind.
    process.kill(readPostmasterPid(path.join(dataDir, 'postgres'))!, 'SIGKILL');
    owner.child.kill('SIGTERM');
    expect(await owner.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres.json'))).toBe(false);
    const left = readPostmasterPid(path.join(dataDir, 'postgres'));
    expect(left === null || !isProcessAlive(left)).toBe(true);
  });
});
