// `npm run runner`: the process that runs candidate code. It listens on RUNNER_URL (a Unix socket
// `unix:/path`, or `tcp://host:port` for a runner Deployment), answers only requests carrying the
// token in RUNNER_TOKEN_FILE, and grades them in its own pool of grading processes. It holds no
// DATABASE_URL, AUTH_SECRET, SMTP_URL, METRICS_TOKEN or judge key: `npm start` builds its
// environment from an allow-list (src/runner/build-runner-env.ts). At start it tests its own
// protections (src/runner/check-protections.ts) and exits 3, saying which one failed, instead of
// serving. SIGTERM: stop taking requests, let grading in hand finish (RUNNER_STOP_GRACE_MS), exit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { z } from 'zod';
import { NATIVE_HELPERS_SETTING } from '../src/grading/sandbox/compile-native-helper';
import { createBwrapDriver } from '../src/grading/sandbox/create-bwrap-driver';
import { checkProtections } from '../src/runner/check-protections';
import { parseRunnerUrl } from '../src/runner/runner-protocol';
import { serveRunner } from '../src/runner/serve-runner';
import { sweepLeftovers } from '../src/grading/sandbox/sweep-leftovers';
import { createGraderPool } from '../src/worker/create-grader-pool';
import { errorMessage } from '../src/lib/error-message';
import { parseCli } from './lib/parse-cli';
import { createStopSignalGate } from './lib/stop-signal-gate';

parseCli({ name: 'runner', usage: 'usage: npm run runner   (runs candidate code for workers; settings from the environment: RUNNER_URL (unix:/path or tcp://host:port) and RUNNER_TOKEN_FILE required, RUNNER_CONCURRENCY, RUNNER_STALL_MS, RUNNER_JOB_TIMEOUT_MS, RUNNER_STOP_GRACE_MS optional; takes no arguments)', options: {} });

const RunnerEnvSchema = z.object({
  RUNNER_URL: z.string().min(1, 'RUNNER_URL is required (unix:/path/to/runner.sock or tcp://0.0.0.0:7070)'),
  RUNNER_TOKEN_FILE: z.string().min(1, 'RUNNER_TOKEN_FILE is required (a file holding the token workers send)'),
  RUNNER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  RUNNER_STALL_MS: z.coerce.number().int().min(100).default(10_000),
  RUNNER_JOB_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
  RUNNER_STOP_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // off: the Bash jails' launcher and starter in Perl even where a C compiler is (compile-native-helper.ts).
  REHEARSE_NATIVE_HELPERS: NATIVE_HELPERS_SETTING,
});

// The shared logger (src/server/observability/logger.ts) reads the app's whole environment schema;
// the runner has none of it, so it logs the same JSON lines with pino directly: the same level
// label ("level":"info", not pino's number) and ISO time as the web app and the worker.
const logger = pino({
  base: { service: 'runner', pid: process.pid },
  level: process.env.LOG_LEVEL ?? 'info',
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
const log = (line: string, fields: Record<string, unknown> = {}) => logger.info(fields, line);
const refuse = (message: string): never => {
  console.error(`[runner] refusing to serve: ${message}`);
  process.exit(3);
};

const parsed = RunnerEnvSchema.safeParse(process.env);
if (!parsed.success) refuse(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
const settings = parsed.data!;
let address: ReturnType<typeof parseRunnerUrl> = { path: '' };
let token = '';
try {
  address = parseRunnerUrl(settings.RUNNER_URL);
  token = readFileSync(settings.RUNNER_TOKEN_FILE, 'utf8').trim();
} catch (error) {
  refuse(errorMessage(error));
}
if (token.length < 16) refuse(`the token in ${settings.RUNNER_TOKEN_FILE} is shorter than 16 characters`);

const checks = await checkProtections({ driver: createBwrapDriver() });
const failed = checks.filter((check) => !check.ok);
for (const check of checks) log(`self-check: ${check.name}: ${check.ok ? 'ok' : 'FAILED'}`, { detail: check.detail });
if (failed.length > 0) refuse(failed.map((check) => `${check.name} — ${check.detail}`).join('; '));

// Run dirs and cgroups a runner that crashed left behind.
const swept = await sweepLeftovers().catch(() => null);
if (swept && swept.cgroups.length + swept.dirs.length > 0) log(`swept ${swept.cgroups.length} cgroup(s) and ${swept.dirs.length} run dir(s) left by crashed graders`);

const pool = createGraderPool({
  size: settings.RUNNER_CONCURRENCY,
  entry: path.join(import.meta.dirname, '..', 'src', 'worker', 'grader-process.ts'),
  stallMs: settings.RUNNER_STALL_MS,
  jobTimeoutMs: settings.RUNNER_JOB_TIMEOUT_MS,
  log,
  // The worker grades written answers; a runner is sent code only.
  grades: 'code',
});
await pool.ready;
const server = await serveRunner({ address, token, pool, concurrency: settings.RUNNER_CONCURRENCY, log });
log(`runner ready on ${settings.RUNNER_URL} (concurrency ${settings.RUNNER_CONCURRENCY})`);

const stopGate = createStopSignalGate();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const answer = stopGate(signal);
    if (answer === 'force') process.exit(130);
    if (answer === 'already-stopping') return;
    log(`${signal}: stopping`);
    void server
      .close(settings.RUNNER_STOP_GRACE_MS)
      .then(() => pool.close())
      .then(() => {
        log('runner stopped');
        process.exit(0);
      });
  });
}
