// Starts `scripts/runner.ts` the way `npm start` does: its environment built from the allow-list
// (src/runner/build-runner-env.ts), so none of the caller's secrets reach the process that runs
// candidate code; the token in a 0600 file rather than in its environment. Used by `npm start`,
// `npm run bench:load` and the runner's tests.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildRunnerEnv } from '../../src/runner/build-runner-env';
import { atGradingPriority } from './grading-priority';

export type RunnerSetup = { url: string; tokenFile: string };

// A socket and a token under `dir` (made 0700): the token is made once and kept.
export function prepareRunner(dir: string): RunnerSetup {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const tokenFile = path.join(dir, 'token');
  if (!existsSync(tokenFile) || readFileSync(tokenFile, 'utf8').trim().length < 16) {
    writeFileSync(tokenFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  }
  return { url: `unix:${path.resolve(dir, 'runner.sock')}`, tokenFile };
}

export function spawnRunner(
  setup: RunnerSetup,
  { env = process.env, extra = {}, stdio = 'inherit' }: { env?: NodeJS.ProcessEnv; extra?: Record<string, string>; stdio?: StdioOptions } = {},
): ChildProcess {
  const runnerEnv = buildRunnerEnv(env, { RUNNER_URL: setup.url, RUNNER_TOKEN_FILE: setup.tokenFile, ...extra });
  // Below the web server's CPU priority, like the workers (grading-priority.ts).
  const [command, args] = atGradingPriority(['--import', 'tsx', path.join(import.meta.dirname, '..', 'runner.ts')], env);
  return spawn(command, args, { env: runnerEnv as NodeJS.ProcessEnv, stdio });
}
