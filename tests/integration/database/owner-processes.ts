// The harness shared by the tests that run an owner of the embedded Postgres as a real process
// (scripts/worker.ts, or processes/hold-database.ts standing in for `npm start`) on a temp data
// folder of their own: start it in its own process group, keep its output, wait for a log line,
// and kill whatever is left once the file's tests are done, failed or not.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { isProcessAlive } from '@/grading/sandbox/is-process-alive';
import { readPostmasterPid } from '@/server/database/free-data-dir';

export type OwnerProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export const HOLD = path.join('tests', 'integration', 'database', 'processes', 'hold-database.ts');

// Registers the test file's beforeAll (make the data folder) and afterAll (kill the leftovers,
// remove the folder). The folder's name is known at once, so tests can use it as a plain string.
export function ownerProcesses(prefix: string) {
  const dataDir = path.join(os.tmpdir(), `${prefix}${randomBytes(6).toString('hex')}`);
  const children: ChildProcess[] = [];
  const postmaster = () => readPostmasterPid(path.join(dataDir, 'postgres'));

  beforeAll(() => {
    mkdirSync(dataDir);
    // As root, Postgres runs as the postgres user, which must be able to enter this folder.
    chmodSync(dataDir, 0o755);
  });

  afterAll(() => {
    try {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      // A server orphaned by a SIGKILL of its owner alone is in no group the loop above reaches.
      const pid = postmaster();
      if (pid && isProcessAlive(pid)) process.kill(pid, 'SIGQUIT');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  return {
    dataDir,
    postmaster,
    runningUrl: () => (JSON.parse(readFileSync(path.join(dataDir, 'postgres.json'), 'utf8')) as { url: string }).url,

    // `env` goes over the test's own environment; the data folder, a free port and no DATABASE_URL
    // (so the owner starts the embedded Postgres) are always set.
    start(script: string, env: Record<string, string> = {}): OwnerProcess {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, REHEARSE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '0' };
      delete childEnv.DATABASE_URL;
      // Its own process group, as a terminal's foreground job is: a signal to the group reaches
      // Postgres, and the clean-up can SIGKILL the whole group.
      const child = spawn(process.execPath, ['--import', 'tsx', script], { env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return { child, output: () => output, exited };
    },

    // Resolves once the owner has logged `pattern`; throws, with its output, if it exits or `ms` pass first.
    async until(started: OwnerProcess, pattern: RegExp, ms = 60_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!pattern.test(started.output())) {
        if (started.child.exitCode !== null || Date.now() > deadline) throw new Error(`never logged ${pattern} (exit ${started.child.exitCode}):\n${started.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
