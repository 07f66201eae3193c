// Entry point of a grading process (forked by create-grader-pool.ts): the real graders, served
// over the IPC channel. Candidate-driven code runs here, never in the worker that holds the leases.
import { defaultDriver } from '@/grading/code/default-driver';
import { gradeAnswer } from '@/grading/grade-answer';
import { prestartWarmJail } from '@/grading/harnesses/python-kit/warm-python-jail';
import { readJudgeConfig } from '@/grading/written/judge/judge-config';
import { GRADER_CODE_ENV } from './grader-messages';
import { serveGrader } from './serve-grader';

// The optional language-model judge for written answers: off unless GRADER_LLM_URL and
// GRADER_LLM_MODEL are set (README "Written answers").
const judge = readJudgeConfig(process.env);

serveGrader((request) => gradeAnswer(request, undefined, judge ? { judge } : {}));
// The first Python grading of this process finds its jail already started (warm-python-jail.ts);
// every Python grading then starts the next one once it is done. Not when a runner grades code:
// this process would never use the jail (and the worker's image has no bubblewrap).
if (process.env[GRADER_CODE_ENV] !== '0') prestartWarmJail(defaultDriver());
