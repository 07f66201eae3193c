// The grading processes that run code for Run before Submit (docs/decisions/013). The web process
// never runs candidate-driven code itself: each run goes to a child process of the same kind the
// worker grades in (src/worker/grader-process.ts), with the same guards (killed when it stalls,
// crashes or passes the job timeout; heap capped) and the same jail limits. The pool is created on
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

type RunPoolState = { pool: Promise<GraderPool> | null; running: number };
const globalForRuns = globalThis as unknown as { rehearseRunPool?: RunPoolState };
const state: RunPoolState = (globalForRuns.rehearseRunPool ??= { pool: null, running: 0 });

// The pool is loaded at run time from the source tree, outside the bundle: the bundler would try
// to resolve what it forks, and the bundled server has no stable module path of its own. The web
// server runs under tsx (scripts/serve.ts), as the worker does, so it loads the TypeScript as is.
const WORKER_DIR = path.join(process.cwd(), 'src', 'worker');

async function createRunPool(): Promise<GraderPool> {
  const file = pathToFileURL(path.join(WORKER_DIR, 'create-grader-pool.ts')).href;
  const { createGraderPool } = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ file)) as typeof import('@/worker/create-grader-pool');
  return createGraderPool({ size: env.RUN_CONCURRENCY, entry: path.join(WORKER_DIR, 'grader-process.ts') });
}

export const gradeInRunPool: RunGrader = async (request) => {
  if (state.running >= env.RUN_CONCURRENCY) throw new RunsBusyError(5);
  state.running++;
  try {
    state.pool ??= createRunPool().catch((error: unknown) => {
      state.pool = null;
      throw error;
    });
    return await (await state.pool).grade(request);
  } finally {
    state.running--;
  }
};
