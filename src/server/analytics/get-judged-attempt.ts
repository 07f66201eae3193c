// One attempt the language-model judge graded, for an admin weighing a disagreement: the answer
// (with no one's name or email), the judge's grade as stored, and the offline grade of the same
// answer under the same rubric, concept by concept.
import type { GradeResult } from '@/grading/contract';
import { gradeWritten } from '@/grading/written/grade-written';
import { RubricSchema } from '@/grading/written/rubric';
import { prisma, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { IdSchema } from '@/server/curation/schemas';

type Side = { status: string; score: number; grader: string; concepts: { name: string; status: string }[] };

export type JudgedAttempt = {
  id: string;
  question: { id: string; slug: string };
  version: number | null;
  answer: string;
  createdAt: Date;
  judge: Side;
  offline: Side | null;
};

const sideOf = (result: GradeResult): Side => ({
  status: result.status,
  score: result.score,
  grader: result.grader ?? 'offline',
  concepts: result.tests.map((t) => ({ name: t.name, status: t.coverage ?? t.status })),
});

export async function getJudgedAttempt({ input }: { input: { id: string } }, db: DbClient = prisma): Promise<JudgedAttempt> {
  const id = IdSchema.parse(input.id);
  const attempt = await db.attempt.findFirst({
    where: { id, answerKind: 'WRITTEN', result: { path: ['grader'], string_starts_with: 'llm:' } },
    select: { id: true, answer: true, result: true, createdAt: true, question: { select: { id: true, slug: true, prompt: true } }, questionVersion: { select: { version: true, rubric: true } } },
  });
  if (!attempt?.result) throw new NotFoundError('No attempt graded by the language-model judge has that id.');
  const rubric = RubricSchema.safeParse(attempt.questionVersion?.rubric);
  return {
    id: attempt.id,
    question: { id: attempt.question.id, slug: attempt.question.slug },
    version: attempt.questionVersion?.version ?? null,
    answer: attempt.answer,
    createdAt: attempt.createdAt,
    // Written only by the worker, after GradeResultSchema validated it.
    judge: sideOf(attempt.result as GradeResult),
    offline: rubric.success ? sideOf(gradeWritten({ answer: attempt.answer, rubric: rubric.data, prompt: attempt.question.prompt })) : null,
  };
}
