// One attempt, for its owner only. Anyone else, admins included, gets the same 404 as for an id
// that does not exist, so attempt ids cannot be probed.
import type { AnswerKindCode } from '@/lib/labels';
import type { GradeResult } from '@/grading/contract';
import { prisma, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { attemptRegradesSelect, toAttemptRegradeViews, type AttemptRegradeView } from './attempt-regrades';
import { AttemptIdSchema, type Actor } from './schemas';

export const GRADED_STATUSES = ['PASSED', 'FAILED', 'ERROR'] as const;

export type AttemptDetail = {
  id: string;
  questionId: string;
  // The question the attempt answers, so the attempt's own page can show and link it.
  question: { slug: string; prompt: string };
  answerKind: AnswerKindCode;
  answer: string;
  status: 'QUEUED' | 'RUNNING' | 'PASSED' | 'FAILED' | 'ERROR' | 'INFRA_ERROR';
  score: number | null;
  result: GradeResult | null;
  recall: 'AGAIN' | 'HARD' | 'GOOD' | 'EASY' | null;
  gradedVersion: string | null;
  // The question version the answer is (or will be) graded against.
  questionVersion: number | null;
  createdAt: Date;
  startedAt: Date | null;
  gradedAt: Date | null;
  // While it waits (QUEUED, since it was stored) or is graded (RUNNING, since it was claimed): for
  // how long, by the server's clock, so that a page opened mid-wait can say at once that the wait
  // is longer than usual without trusting the browser's clock. Null once it has settled.
  pendingForMs: number | null;
  // Only once the candidate asked for it (after a graded attempt): seeing it first would spoil
  // the practice.
  modelAnswer: string | null;
  // Re-grades under newer versions, oldest first (the attempt holds the latest grade).
  regrades: AttemptRegradeView[];
};

export async function getAttempt(
  { actor, input }: { actor: Actor; input: { id: string } },
  db: DbClient = prisma,
): Promise<AttemptDetail> {
  const { id } = AttemptIdSchema.parse(input);
  // One query (the relationJoins preview feature): the attempt, its question, version and
  // re-grades, and whether this user revealed the question's model answer. Every extra round trip
  // is paid twice by a long-poll (its first read and its final one) and sits on the path between
  // a grade being recorded and the candidate seeing it.
  const attempt = await db.attempt.findFirst({
    where: { id, userId: actor.id },
    select: {
      id: true,
      questionId: true,
      question: { select: { slug: true, prompt: true, _count: { select: { answerReveals: { where: { userId: actor.id } } } } } },
      answerKind: true,
      answer: true,
      status: true,
      score: true,
      result: true,
      recall: true,
      gradedVersion: true,
      createdAt: true,
      startedAt: true,
      gradedAt: true,
      questionVersion: { select: { version: true, modelAnswer: true } },
      regrades: attemptRegradesSelect,
    },
  });
  if (!attempt) throw new NotFoundError('No such attempt.');
  const { questionVersion, result, regrades, question, ...rest } = attempt;
  const isGraded = (GRADED_STATUSES as readonly string[]).includes(attempt.status);
  const waitingSince = attempt.status === 'QUEUED' ? attempt.createdAt : attempt.status === 'RUNNING' ? attempt.startedAt : null;
  const revealed = isGraded && question._count.answerReveals > 0;
  return {
    ...rest,
    question: { slug: question.slug, prompt: question.prompt },
    // Never below 0: the timestamps come from the database's clock, which may run a little ahead.
    pendingForMs: waitingSince ? Math.max(0, Date.now() - waitingSince.getTime()) : null,
    // Written only by the worker, after GradeResultSchema validated it.
    result: (result ?? null) as GradeResult | null,
    questionVersion: questionVersion?.version ?? null,
    modelAnswer: revealed ? (questionVersion?.modelAnswer ?? null) : null,
    regrades: toAttemptRegradeViews(regrades),
  };
}
