// Where Run before Submit runs code (docs/decisions/013). The web process never runs
// candidate-driven code itself. With a runner (RUNNER_URL, set by `npm start`; docs/decisions/015)
// each run goes to it, as the worker's code gradings do, so the code never runs beside the
// database password. Without one (development, tests) it goes to a child process of the same kind
// the worker grades in (src/worker/grader-process.ts), with the same guards (killed when it stalls,
// crashes or passes the job timeout; heap capped) and the same jail limits. Either is created on
// the first run and kept across dev reloads; at most `RUN_CONCURRENCY` runs execute at once per
// web process, and a run beyond that is refused (503) rather than queued behind the others.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { env } from '@/server/env';
import { AppError } from '@/server/errors';
import type { GradeResult } from '@/grading/contract';
import type { GraderPool } from '@/worker/create-grader-pool';

export type RunGrader = (request: unknown) => Promise<GradeResult>;

export class RunsBusyError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(`Runs are busy right now. Try again in about ${retryAfterSeconds} seconds (your code was not run).`, 503, { retryAfterSeconds });
  }
}

type Grader = Pick<GraderPool, 'grade'>;

// How long a run may wait for the runner, which serves the workers' gradings too, in one queue.
// A run takes seconds (its harness's limits end it within about 10 s); one still unanswered after
// a minute is waiting behind a backlog of gradings, and the candidate is better told "busy" (503)
// than left watching a spinner for the client's default three minutes. The runner drops a request
// whose sender has gone before it starts it (src/runner/serve-runner.ts), and the run is not
// counted against the candidate (run-visible-tests.ts). Shorter than STALE_RUN_SECONDS (150 s).
const RUN_WAIT_MS = 60_000;
type RunPoolState = { pool: Promise<Grader> | null; running: number };
const globalForRuns = globalThis as unknown as { rehearseRunPool?: RunPoolState };
const state: RunPoolState = (globalForRuns.rehearseRunPool ??= { pool: null, running: 0 });

// The pool is loaded at run time from the source tree, outside the bundle: the bundler would try
// to resolve what it forks, and the bundled server has no stable module path of its own. The web
// server runs under tsx (scripts/serve.ts), as the worker does, so it loads the TypeScript as is.
const WORKER_DIR = path.join(process.cwd(), 'src', 'worker');

async function createRunPool(): Promise<Grader> {
  const runnerUrl = process.env.RUNNER_URL;
  if (runnerUrl) {
    const file = pathToFileURL(path.join(WORKER_DIR, 'create-runner-client.ts')).href;
    const { createRunnerClient, readRunnerToken } = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ file)) as typeof import('@/worker/create-runner-client');
    const token = readRunnerToken(process.env);
    if (!token) throw new Error('RUNNER_URL is set but neither RUNNER_TOKEN nor RUNNER_TOKEN_FILE is.');
    const runner = createRunnerClient({ url: runnerUrl, token, timeoutMs: RUN_WAIT_MS });
    return {
      grade: (request) =>
        runner.grade(request).catch((error: unknown) => {
          // No runner answers: the run did not happen, and it is nobody's fault but ours.
          if (error instanceof Error && error.name === 'RunnerUnavailableError') throw new RunsBusyError(10);
          throw error;
        }),
    };
  }
  const file = pathToFileURL(path.join(WORKER_DIR, 'create-grader-pool.ts')).href;
  const { createGraderPool } = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ file)) as typeof import('@/worker/create-grader-pool');
  return createGraderPool({ size: env.RUN_CONCURRENCY, entry: path.join(WORKER_DIR, 'grader-process.ts'), grades: 'code' });
}

function runPool(): Promise<Grader> {
  state.pool ??= createRunPool().catch((error: unknown) => {
    state.pool = null;
    throw error;
  });
  return state.pool;
}

export const gradeInRunPool: RunGrader = async (request) => {
  if (state.running >= env.RUN_CONCURRENCY) throw new RunsBusyError(5);
  state.running++;
  try {
    return await (await runPool()).grade(request);
  } finally {
    state.running--;
  }
};

// An admin's validation (reference and known-bad variants, one at a time): the same place as
// candidates' runs, so admin-supplied code never runs in the web process either. Not counted
// against RUN_CONCURRENCY: an admin who clicked Validate waits for it rather than being refused.
export const gradeValidationInRunPool: RunGrader = async (request) => (await runPool()).grade(request);
