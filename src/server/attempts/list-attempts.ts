// The caller's own attempts on one question, newest first, as the history list shows them.
import { prisma, type DbClient } from '@/server/db';
import { questionGone, visibleQuestion } from '@/server/questions/question-summary';
import { attemptRegradesSelect, toAttemptRegradeViews, type AttemptRegradeView } from './attempt-regrades';
import { ListAttemptsSchema, type Actor } from './schemas';

// Enough history for a page; older attempts stay stored.
export const ATTEMPT_HISTORY_LIMIT = 50;

export type AttemptSummary = {
  id: string;
  // Its ordinal among all the caller's attempts on the question, 1 for the first: the history
  // shows only the latest ATTEMPT_HISTORY_LIMIT, so a position in the list is not a number.
  number: number;
  status: 'QUEUED' | 'RUNNING' | 'PASSED' | 'FAILED' | 'ERROR' | 'INFRA_ERROR';
  score: number | null;
  recall: 'AGAIN' | 'HARD' | 'GOOD' | 'EASY' | null;
  gradedVersion: string | null;
  createdAt: Date;
  gradedAt: Date | null;
  regrades: AttemptRegradeView[];
};

export async function listAttempts(
  { actor, input }: { actor: Actor; input: { questionId: string } },
  db: DbClient = prisma,
): Promise<AttemptSummary[]> {
  const { questionId } = ListAttemptsSchema.parse(input);
  // An unknown, deleted or unpublished question is a 404 (as for its practice state and model
  // answer), not an empty history that looks like "not tried yet".
  const [question, attempts] = await Promise.all([
    db.question.findFirst({ where: { id: questionId, ...visibleQuestion }, select: { id: true } }),
    readAttemptHistory(actor, questionId, db),
  ]);
  if (!question) throw questionGone();
  return attempts;
}

// The history alone, for a caller that has looked the question up itself (readPracticeState).
export async function readAttemptHistory(actor: Actor, questionId: string, db: DbClient = prisma): Promise<AttemptSummary[]> {
  const attempts = await db.attempt.findMany({
    where: { userId: actor.id, questionId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: ATTEMPT_HISTORY_LIMIT,
    select: { id: true, status: true, score: true, recall: true, gradedVersion: true, createdAt: true, gradedAt: true, regrades: attemptRegradesSelect },
  });
  const older = await countOlderAttempts(actor, questionId, attempts, db);
  return attempts.map(({ regrades, ...attempt }, i) => ({ ...attempt, number: older + attempts.length - i, regrades: toAttemptRegradeViews(regrades) }));
}

// Attempts before the oldest one read, counted in the list's own order (not a separate count of
// all attempts, which one submitted meanwhile would put out by one). Only a full list has any.
async function countOlderAttempts(actor: Actor, questionId: string, attempts: { id: string; createdAt: Date }[], db: DbClient): Promise<number> {
  const oldest = attempts.at(-1);
  if (!oldest || attempts.length < ATTEMPT_HISTORY_LIMIT) return 0;
  return db.attempt.count({
    where: {
      userId: actor.id,
      questionId,
      OR: [{ createdAt: { lt: oldest.createdAt } }, { createdAt: oldest.createdAt, id: { lt: oldest.id } }],
    },
  });
}
