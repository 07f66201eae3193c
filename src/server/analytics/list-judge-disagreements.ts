// Where the language-model judge and the offline grader disagree on a question (docs/decisions/006
// and 016): for each recent attempt the judge graded, the offline grade of the same answer under the
// same rubric is computed again (it is pure and fast) and compared. A disagreement is a different
// pass/fail, or scores more than DISAGREEMENT_POINTS apart. Whether the judge is configured is read
// from the same variables the grading processes read; past judged attempts are listed either way.
import type { GradeResult } from '@/grading/contract';
import { gradeWritten } from '@/grading/written/grade-written';
import { readJudgeConfig } from '@/grading/written/judge/judge-config';
import { RubricSchema } from '@/grading/written/rubric';
import { prisma, type DbClient } from '@/server/db';
import { errorMessage } from '@/lib/error-message';

export const DISAGREEMENT_POINTS = 15;
// The newest judged attempts compared per page view: bounded work for the web process.
const JUDGED_LOOKED_AT = 200;

export type JudgeSetting = { state: 'configured'; model: string } | { state: 'off' } | { state: 'invalid'; problem: string };

export type JudgeDisagreement = {
  attemptId: string;
  createdAt: Date;
  version: number | null;
  model: string;
  judgeScore: number;
  judgePassed: boolean;
  offlineScore: number;
  offlinePassed: boolean;
};

export type JudgeDisagreements = { judge: JudgeSetting; judged: number; threshold: number; disagreements: JudgeDisagreement[] };

export function readJudgeSetting(env: Record<string, string | undefined> = process.env): JudgeSetting {
  try {
    const config = readJudgeConfig(env);
    return config ? { state: 'configured', model: config.model } : { state: 'off' };
  } catch (error) {
    return { state: 'invalid', problem: errorMessage(error) };
  }
}

export async function listJudgeDisagreements(
  { input }: { input: { questionId: string; env?: Record<string, string | undefined> } },
  db: DbClient = prisma,
): Promise<JudgeDisagreements> {
  const judge = readJudgeSetting(input.env);
  const question = await db.question.findUnique({ where: { id: input.questionId }, select: { prompt: true } });
  const attempts = await db.attempt.findMany({
    where: { questionId: input.questionId, answerKind: 'WRITTEN', status: { in: ['PASSED', 'FAILED'] }, result: { path: ['grader'], string_starts_with: 'llm:' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: JUDGED_LOOKED_AT,
    select: { id: true, answer: true, status: true, score: true, result: true, createdAt: true, questionVersion: { select: { version: true, rubric: true } } },
  });
  const disagreements: JudgeDisagreement[] = [];
  for (const attempt of attempts) {
    const rubric = RubricSchema.safeParse(attempt.questionVersion?.rubric);
    if (!rubric.success || attempt.score === null) continue;
    const offline = gradeWritten({ answer: attempt.answer, rubric: rubric.data, prompt: question?.prompt });
    const judgePassed = attempt.status === 'PASSED';
    const offlinePassed = offline.status === 'passed';
    if (judgePassed === offlinePassed && Math.abs(offline.score - attempt.score) <= DISAGREEMENT_POINTS) continue;
    disagreements.push({
      attemptId: attempt.id,
      createdAt: attempt.createdAt,
      version: attempt.questionVersion?.version ?? null,
      model: ((attempt.result as GradeResult | null)?.grader ?? '').replace(/^llm:/, ''),
      judgeScore: attempt.score,
      judgePassed,
      offlineScore: offline.score,
      offlinePassed,
    });
  }
  return { judge, judged: attempts.length, threshold: DISAGREEMENT_POINTS, disagreements };
}
