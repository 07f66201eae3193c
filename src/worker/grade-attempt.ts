// Grades one stored attempt: loads the answer and the question version it is graded against,
// builds the grade request and calls gradeAnswer. Never throws for missing material; that comes
// back as an infra_error result with a message saying what is missing.
import type { GradeResult } from '@/grading/contract';
import { gradeAnswer, infraErrorResult } from '@/grading/grade-answer';
import { prisma, type DbClient } from '@/server/db';
import { readJudgeConfig } from '@/grading/written/judge/judge-config';
import { buildGradeRequest } from './build-grade-request';

// The optional language-model judge for written answers: off unless GRADER_LLM_URL and
// GRADER_LLM_MODEL are set (docs/decisions/006).
const judge = readJudgeConfig(process.env);

const materialSelect = { id: true, version: true, rubric: true, harness: true } as const;

export type AttemptGrade = { result: GradeResult; questionVersionId: string | null };

export async function gradeAttempt(
  { attemptId }: { attemptId: string },
  db: DbClient = prisma,
  grade: typeof gradeAnswer = gradeAnswer,
): Promise<AttemptGrade> {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { answer: true, answerKind: true, questionId: true, questionVersion: { select: materialSelect } },
  });
  if (!attempt) return { result: infraErrorResult({ message: `Attempt ${attemptId} no longer exists.`, gradedVersion: '' }), questionVersionId: null };
  // Submitted before any version was published: grade against the latest one published since.
  const version =
    attempt.questionVersion ??
    (await db.questionVersion.findFirst({
      where: { questionId: attempt.questionId, publishedAt: { not: null } },
      orderBy: { version: 'desc' },
      select: materialSelect,
    }));
  const built = buildGradeRequest({ answerKind: attempt.answerKind, answer: attempt.answer, material: version });
  if ('problem' in built) return { result: infraErrorResult({ message: built.problem, gradedVersion: '' }), questionVersionId: null };
  return { result: await grade(built.request, undefined, judge ? { judge } : {}), questionVersionId: version?.id ?? null };
}
