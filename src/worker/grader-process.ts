// Entry point of a grading process (forked by create-grader-pool.ts): the real graders, served
// over the IPC channel. Candidate-driven code runs here, never in the worker that holds the leases.
import { defaultDriver } from '@/grading/code/default-driver';
import { gradeAnswer } from '@/grading/grade-answer';
import { prestartWarmJail } from '@/grading/harnesses/python-kit/warm-python-jail';
import { readJudgeConfig } from '@/grading/written/judge/judge-config';
import { warmUpWrittenGrader } from '@/grading/written/warm-up-written-grader';
import { GRADER_KINDS_ENV } from './grader-messages';
import { serveGrader } from './serve-grader';

// The optional language-model judge for written answers: off unless GRADER_LLM_URL and
// GRADER_LLM_MODEL are set (README "Written answers").
const judge = readJudgeConfig(process.env);
const kinds = process.env[GRADER_KINDS_ENV] ?? 'all';

// Before saying it is ready: the first written grading of a process would otherwise take ~370 ms
// more (warm-up-written-grader.ts). Not in a process that grades code only. A failure here is left
// to the first real grading to report (as an infra_error of its own).
if (kinds !== 'code') {
  try {
    warmUpWrittenGrader();
  } catch {
    // Reported by the first written grading.
  }
}
serveGrader((request) => gradeAnswer(request, undefined, judge ? { judge } : {}));
// The first Python grading of this process finds its jail already started (warm-python-jail.ts);
// every Python grading then starts the next one once it is done. Not when a runner grades code:
// this process would never use the jail (and the worker's image has no bubblewrap).
if (kinds !== 'written') prestartWarmJail(defaultDriver());
