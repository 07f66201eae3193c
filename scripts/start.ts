// `npm start`: one command from a fresh clone to a running app.
// 1. With no DATABASE_URL, start the embedded Postgres (data kept in .data/postgres).
// 2. Apply migrations with our own runner, seed the bank when it is empty.
// 3. Build the Next.js app when the sources changed since the last build.
// 4. Serve on PORT (default 3000) and run a grading worker and a runner beside it: the worker
//    claims jobs and records grades, the runner (an environment without any secret, built from an
//    allow-list) runs candidate code and answers the worker over a Unix socket in .data/runner.
//    A worker or runner that dies is started again with backoff (scripts/lib/supervise-process.ts);
//    the web server keeps serving meanwhile, and jobs wait in the queue. Workers and the runner
//    run below the web server's CPU priority (scripts/lib/grading-priority.ts).
// Ctrl-C / SIGTERM stops the app, the worker, the runner and then the database, in that order.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './lib/build-if-needed';
import { atGradingPriority } from './lib/grading-priority';
import { ensureAuthSecret } from './lib/ensure-auth-secret';
import { DATA_DIR, markDatabaseStopping, prepareDatabase } from './lib/prepare-database';
import { prepareRunner, spawnRunner } from './lib/spawn-runner';
import { superviseProcess, type Supervisor } from './lib/supervise-process';
import { errorMessage } from '../src/lib/error-message';
import { onStopSignals } from './lib/on-stop-signals';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'start', usage: "usage: npm start   (builds if needed, then serves on PORT (default 3000) with WORKERS grading workers (default 1; worker i's metrics on WORKER_METRICS_PORT+i when set) and a runner; the embedded Postgres unless DATABASE_URL is set; takes no arguments)", options: {} });

const log = (line: string) => console.log(`[rehearse] ${line}`);
const root = process.cwd();
const children: ChildProcess[] = [];
let worker: Supervisor<ChildProcess> | null = null;
let runner: Supervisor<ChildProcess> | null = null;
let stopping = false;
// Stopped on the way out when starting fails after it is up (a build refused or failed): in a
// terminal it runs in a process group of its own and would outlive this process.
let database: Awaited<ReturnType<typeof prepareDatabase>> | null = null;

async function main() {
  ensureAuthSecret({ dataDir: DATA_DIR, log });
  // In a terminal the database gets a process group of its own, out of Ctrl-C's reach: it is stopped last.
  const db = (database = await prepareDatabase({ log, ownProcessGroup: process.stdin.isTTY === true }));
  // `exitCode` 1: the stop was not asked for (the web server died), so a supervisor sees a failure.
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    // No restarts from here on: the runner is stopped last, but Ctrl-C reaches it too.
    worker?.hold();
    runner?.hold();
    markDatabaseStopping();
    log(`${signal} received: stopping`);
    await Promise.all([...children.map((child) => stopChild(child)), worker?.stop()]);
    await runner?.stop();
    await db.stop();
    log('stopped cleanly');
    process.exit(exitCode);
  };
  onStopSignals((signal) => void shutdown(signal));

  await buildIfNeeded({ log });
  const port = process.env.PORT ?? '3000';
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1' };
  // scripts/serve.ts wraps Next.js so route handlers learn the socket address (see that file).
  // The runner runs candidate code with none of the secrets in `env`; the grading worker runs
  // beside the web server and sends it code answers, and the web server sends it Run before Submit
  // runs: neither runs candidate code beside the database password.
  const runnerSetup = prepareRunner(path.join(DATA_DIR, 'runner'));
  const web = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'serve.ts')], {
    env: { ...env, PORT: port, RUNNER_URL: runnerSetup.url, RUNNER_TOKEN_FILE: runnerSetup.tokenFile },
    stdio: 'inherit',
  });
  runner = superviseProcess({ name: 'runner', log, start: () => spawnRunner(runnerSetup, { env }) });
  const workerCount = Number(process.env.WORKERS ?? 1);
  // Each worker serves its metrics on a port of its own: WORKER_METRICS_PORT for the first, +1 for
  // the second, and so on (they would all ask for the same port, and all but one would die).
  const metricsBase = process.env.WORKER_METRICS_PORT ? Number(process.env.WORKER_METRICS_PORT) : null;
  const workers = Array.from({ length: Number.isInteger(workerCount) && workerCount > 0 ? workerCount : 1 }, (_, i) =>
    superviseProcess({
      name: workerCount > 1 ? `grading worker ${i + 1}` : 'grading worker',
      log,
      start: () =>
        spawn(...atGradingPriority(['--import', 'tsx', path.join(root, 'scripts', 'worker.ts')]), {
          env: {
            ...env,
            RUNNER_URL: runnerSetup.url,
            RUNNER_TOKEN_FILE: runnerSetup.tokenFile,
            ...(metricsBase !== null && Number.isInteger(metricsBase) ? { WORKER_METRICS_PORT: String(metricsBase + i) } : {}),
          },
          stdio: 'inherit',
        }),
    }),
  );
  worker = { current: () => workers[0]!.current(), restarts: () => workers.reduce((n, w) => n + w.restarts(), 0), hold: () => workers.forEach((w) => w.hold()), stop: async () => void (await Promise.all(workers.map((w) => w.stop()))) };
  children.push(web);
  log(`starting the web server on http://localhost:${port}`);
  web.on('exit', (code) => {
    if (!stopping) {
      log(`the web server exited (code ${code}); stopping`);
      void shutdown('web server exit', 1);
    }
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

main().catch(async (error) => {
  console.error(`[rehearse] could not start: ${errorMessage(error)}`);
  markDatabaseStopping();
  await database?.stop().catch(() => {});
  process.exit(1);
});
