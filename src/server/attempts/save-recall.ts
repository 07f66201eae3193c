// The candidate's recall rating of their own graded attempt (AGAIN/HARD/GOOD/EASY); it schedules
// the question's next spaced review.
import { prisma, type DbClient } from '@/server/db';
import { NotFoundError, UnprocessableError } from '@/server/errors';
import { recordReview } from '@/server/review/record-review';
import { GRADED_STATUSES } from './get-attempt';
import { SaveRecallSchema, type Actor, type Recall } from './schemas';

export async function saveRecall(
  { actor, input }: { actor: Actor; input: { id: string; recall: Recall } },
  db: DbClient = prisma,
): Promise<{ id: string; recall: Recall }> {
  const { id, recall } = SaveRecallSchema.parse(input);
  const { count } = await db.attempt.updateMany({
    where: { id, userId: actor.id, status: { in: [...GRADED_STATUSES] } },
    data: { recall },
  });
  if (count === 1) {
    // The rating schedules the question's next review (FSRS).
    await recordReview({ actor, input: { attemptId: id } }, db);
    return { id, recall };
  }
  // Tell "not yours or missing" (404, as in getAttempt) apart from "yours but not graded yet".
  const own = await db.attempt.findFirst({ where: { id, userId: actor.id }, select: { status: true } });
  if (!own) throw new NotFoundError('No such attempt.');
  throw new UnprocessableError('Rate your recall once the attempt has been graded.');
}
