// The keeper of `npm start`'s embedded Postgres (src/server/database/keep-postgres-running.ts), with
// real processes, where a hostile operator would push it:
// - Ctrl-C in a terminal reaches the whole foreground process group, Postgres included where it
//   shares its owner's group (every owner but npm start and npm run dev in a terminal:
//   ctrl-c.test.ts): the server goes down at once while the owner still stops its children, and
//   must not be started again;
// - a restart that cannot succeed (another program took the port meanwhile) must say why in the
//   log, and the server must come back once the port is free.
// hold-database.ts stands in for `npm start`: the same prepareDatabase, the same stop order.
import { existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '@/grading/sandbox/is-process-alive';
import { HOLD, ownerProcesses } from './owner-processes';

const owners = ownerProcesses('rehearse-keeper-');
const { dataDir, postmaster, runningUrl, until } = owners;

const start = (holdMs: number) => owners.start(HOLD, { HOLD_MS: String(holdMs) });
const port = () => Number(new URL(runningUrl()).port);

const SLOW = { timeout: 240_000 };

describe('keeping the embedded Postgres running', () => {
  it('Ctrl-C (SIGINT to the whole process group) stops it for good: the server that went down with it is not started again', SLOW, async () => {
    // The owner spends 4 s stopping its "children" after the signal, as npm start stops the web
    // server and the workers (up to 10 s), while the keeper's poll runs every second.
    const owner = owners.start(HOLD, { HOLD_MS: '4000', HOLD_SHARED_GROUP: '1' });
    await until(owner, /\[hold\] ready/);
    process.kill(-owner.child.pid!, 'SIGINT');
    expect(await owner.exited).toBe(0);
    expect(owner.output()).not.toMatch(/no longer running|starting it again|running again/);
    expect(existsSync(path.join(dataDir, 'postgres.json'))).toBe(false);
    const left = postmaster();
    expect(left === null || !isProcessAlive(left)).toBe(true);
  });

  it('a restart that fails says why in the log (the port taken by another program), and succeeds once the port is free', SLOW, async () => {
    const owner = start(0);
    await until(owner, /\[hold\] ready/);
    const taken = port();
    process.kill(postmaster()!, 'SIGKILL');
    // Another program takes the port before the keeper's next look (it looks every second).
    const squatter = net.createServer();
    const deadline = Date.now() + 5_000;
    for (;;) {
      const listening = await new Promise<boolean>((resolve) => {
        squatter.once('error', () => resolve(false));
        squatter.listen(taken, '127.0.0.1', () => resolve(true));
      });
      if (listening) break;
      if (Date.now() > deadline) throw new Error(`port ${taken} never became free`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    try {
      await until(owner, /could not start the embedded Postgres again/);
      const failure = owner.output().split('\n').find((line) => line.includes('could not start the embedded Postgres again'))!;
      // Postgres's own words, on the one line the keeper logs: not just "did not start again".
      expect(failure).toMatch(/Address already in use|could not create any TCP\/IP sockets/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    await until(owner, /the embedded Postgres is running again/);
    owner.child.kill('SIGTERM');
    expect(await owner.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres.json'))).toBe(false);
  });

  it('a data folder broken while the server was down: each failed restart says why, and the owner still stops cleanly', SLOW, async () => {
    const owner = start(0);
    await until(owner, /\[hold\] ready/);
    const dir = path.join(dataDir, 'postgres');
    process.kill(postmaster()!, 'SIGKILL');
    // The control file goes bad (a full disk, a bad copy) before the keeper starts it again.
    writeFileSync(path.join(dir, 'global', 'pg_control'), 'not a control file');
    await until(owner, /could not start the embedded Postgres again/);
    const failure = owner.output().split('\n').find((line) => line.includes('could not start the embedded Postgres again'))!;
    expect(failure).toMatch(/control file|pg_control/);
    owner.child.kill('SIGTERM');
    expect(await owner.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres.json'))).toBe(false);
  });
});
