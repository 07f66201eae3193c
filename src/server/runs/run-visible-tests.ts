// Run before Submit: runs a code answer against the visible tests of the question's published
// harness, in the sandbox, and answers their results. Nothing is stored as an attempt and nothing
// counts as practice; a CodeRun row (no answer, no result) only keeps the per-user limits.
// Hidden tests never run (the harness's visibleOnly mode keeps their inputs out of the jail) and a
// hidden test that came back anyway is dropped here, so none can leak.
import { env } from '@/server/env';
import { logger } from '@/server/observability/logger';
import { prisma, type Db } from '@/server/db';
import { codeKindOf } from '@/grading/code/code-kind';
import { BadRequestError, PayloadTooLargeError } from '@/server/errors';
import { questionGone, visibleQuestion } from '@/server/questions/question-summary';
import type { Actor } from '@/server/attempts/schemas';
import { describeOversizeAnswer } from '@/server/attempts/schemas';
import { discardRun, finishRun, reserveRun } from './run-limits';
import { gradeInRunPool, type RunGrader } from './run-pool';
import { RunVisibleTestsSchema, type RunResult } from './schemas';

export async function runVisibleTests(
  { actor, input, grade = gradeInRunPool, maxPerMinute = env.MAX_RUNS_PER_USER_PER_MINUTE }: { actor: Actor; input: unknown; grade?: RunGrader; maxPerMinute?: number },
  db: Db = prisma,
): Promise<RunResult> {
  const { questionId, answer } = RunVisibleTestsSchema.parse(input);
  const question = await db.question.findFirst({ where: { id: questionId, ...visibleQuestion }, select: { id: true, answerKind: true } });
  if (!question) throw questionGone();
  if (question.answerKind === 'WRITTEN') throw new BadRequestError('Only code answers can be run; submit a written answer to have it graded.');
  const oversize = describeOversizeAnswer(question.answerKind, answer);
  if (oversize) throw new PayloadTooLargeError(oversize);
  const version = await db.questionVersion.findFirst({
    where: { questionId, publishedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: { harness: true, harnessSpec: true },
  });
  const harness = version?.harness as { name?: unknown; version?: unknown } | null | undefined;
  if (!harness) throw new BadRequestError('This question has no tests to run yet.');
  const runId = await reserveRun({ userId: actor.id, questionId, maxPerMinute }, db);
  // Whether the code ran (a result, or a crash of the process running it). A refusal before that
  // (503: runs busy, runner away) is not counted against the candidate's runs a minute.
  let ran = false;
  try {
    const result = await grade({
      kind: codeKindOf(question.answerKind),
      answer,
      harness: { name: harness.name, version: harness.version },
      // The version's own tests when an admin edited them (docs/decisions/021).
      ...(version?.harnessSpec == null ? {} : { spec: version.harnessSpec }),
      visibleOnly: true,
    });
    ran = true;
    const tests = result.tests
      .filter((test) => !test.hidden)
      .map(({ name, status, message, output, outputTruncated, calls }) => ({
        name,
        status,
        message,
        ...(output !== undefined ? { output } : {}),
        ...(outputTruncated ? { outputTruncated } : {}),
        ...(calls ? { calls } : {}),
      }));
    // Our failure, told as ours: the sandbox's detail is for the logs, not the candidate.
    if (result.status === 'infra_error') {
      logger.warn({ questionId, userId: actor.id, reason: result.message }, 'Run before Submit could not run the visible tests');
      return { status: 'infra_error', message: 'We could not run your code just now (our side, not yours). Try again in a moment.', tests: [], advice: [], durationMs: result.durationMs };
    }
    return { status: result.status, message: result.message, tests, advice: result.advice, durationMs: result.durationMs };
  } catch (error) {
    // A GraderCrashError of the pool (matched by name: the pool is loaded outside the bundle).
    if (error instanceof Error && error.name === 'GraderCrashError') {
      ran = true;
      return { status: 'error', message: `Your code stopped the test runner: ${error.message}.`, tests: [], advice: [], durationMs: 0 };
    }
    throw error;
  } finally {
    await (ran ? finishRun(runId, db) : discardRun(runId, db));
  }
}
