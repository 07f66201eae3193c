// Entry point of a grading process (forked by create-grader-pool.ts): the real graders, served
// over the IPC channel. Candidate-driven code runs here, never in the worker that holds the leases.
import pino from 'pino';
import { defaultDriver } from '@/grading/code/default-driver';
import { gradeAnswer } from '@/grading/grade-answer';
import { prestartWarmJail } from '@/grading/harnesses/python-kit/warm-python-jail';
import { hasLimitHits, limitHitsOf, onSandboxRun } from '@/grading/sandbox/sandbox-events';
import { readJudgeConfig } from '@/grading/written/judge/judge-config';
import { warmUpWrittenGrader } from '@/grading/written/warm-up-written-grader';
import { errorMessage } from '@/lib/error-message';
import { GRADER_KINDS_ENV, type GraderMessage } from './grader-messages';
import { serveGrader } from './serve-grader';

// The optional language-model judge for written answers: off unless GRADER_LLM_URL and
// GRADER_LLM_MODEL are set (README "Written answers").
const judge = readJudgeConfig(process.env);
const kinds = process.env[GRADER_KINDS_ENV] ?? 'all';

// Before saying it is ready: the first written grading of a process would otherwise take ~370 ms
// more (warm-up-written-grader.ts). Not in a process that grades code only. A failed warm-up does
// not stop the process: it is logged (pino directly, as the runner does: the app's logger reads an
// environment a runner's grading process does not have) and the first written grading reports it
// as an infra_error of its own.
if (kinds !== 'code') {
  const log = pino({ base: { service: 'grader', pid: process.pid }, level: process.env.LOG_LEVEL ?? 'info' });
  const started = performance.now();
  try {
    const ok = warmUpWrittenGrader();
    const durationMs = Math.round(performance.now() - started);
    if (ok) log.debug({ durationMs }, 'written grader warmed up');
    else log.warn({ durationMs }, 'written grader warm-up: the built-in sample was not graded as passed');
  } catch (error) {
    log.warn({ error: errorMessage(error) }, 'written grader warm-up failed');
  }
}
// This process exports no metrics: each sandbox run that hit a limit is told to the parent as it
// ends, which counts it in its own (create-grader-pool.ts). Sent as the run ends rather than with a
// result, so a warm jail started after a grading, whose run may end during a later one or between
// gradings, is counted too (the parent hears it before the result of the grading it ended in).
onSandboxRun((result) => {
  const limitHits = limitHitsOf(result);
  // A channel already closed (the parent is gone) is not this run's problem: the callback takes it.
  if (hasLimitHits(limitHits)) process.send?.({ type: 'limit-hits', limitHits } satisfies GraderMessage, undefined, undefined, () => {});
});
serveGrader((request) => gradeAnswer(request, undefined, judge ? { judge } : {}));
// The first Python grading of this process finds its jail already started (warm-python-jail.ts);
// every Python grading then starts the next one once it is done. Not when a runner grades code:
// this process would never use the jail (and the worker's image has no bubblewrap).
if (kinds !== 'written') prestartWarmJail(defaultDriver());
