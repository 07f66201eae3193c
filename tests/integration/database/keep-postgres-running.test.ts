// The keeper of `npm start`'s embedded Postgres (src/server/database/keep-postgres-running.ts), with
// real processes, where a hostile operator would push it:
// - Ctrl-C in a terminal reaches the whole foreground process group, Postgres included: the server
//   goes down at once while the owner still stops its children, and must not be started again;
// - a restart that cannot succeed (another program took the port meanwhile) must say why in the
//   log, and the server must come back once the port is free.
// hold-database.ts stands in for `npm start`: the same prepareDatabase, the same stop order.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive, readPostmasterPid } from '@/server/database/free-data-dir';

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

let dataDir: string;
const children: ChildProcess[] = [];
const HOLD = path.join('tests', 'integration', 'database', 'processes', 'hold-database.ts');

function start(holdMs: number): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, REHEARSE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '0', HOLD_MS: String(holdMs) };
  delete env.DATABASE_URL;
  // Its own process group, as a terminal's foreground job is: a signal to the group reaches Postgres.
  const child = spawn(process.execPath, ['--import', 'tsx', HOLD], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(started: Started, pattern: RegExp, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null || Date.now() > deadline) throw new Error(`never logged ${pattern} (exit ${started.child.exitCode}):\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const postmaster = () => readPostmasterPid(path.join(dataDir, 'postgres'));
const port = () => Number(new URL((JSON.parse(readFileSync(path.join(dataDir, 'postgres.json'), 'utf8')) as { url: string }).url).port);

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-keeper-'));
  // As root, Postgres runs as the postgres user, which must be able to enter this folder.
  chmodSync(dataDir, 0o755);
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  const pid = postmaster();
  if (pid && isProcessAlive(pid)) process.kill(pid, 'SIGQUIT');
  rmSync(dataDir, { recursive: true, force: true });
});

const SLOW = { timeout: 240_000 };

describe('keeping the embedded Postgres running', () => {
  it('Ctrl-C (SIGINT to the whole process group) stops it for good: the server that went down with it is not started again', SLOW, async () => {
    // The owner spends 4 s stopping its "children" after the signal, as npm start stops the web
    // server and the workers (up to 10 s), while the keeper's poll runs every second.
    const owner = start(4_000);
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
