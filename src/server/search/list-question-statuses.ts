// The candidate's status (new / tried / passed) on each of the given questions, for lists.
import { prisma, type DbClient } from '@/server/db';
import type { QuestionStatus } from './schemas';

export async function listQuestionStatuses(
  { actor, input }: { actor: { id: string }; input: { questionIds: string[] } },
  db: DbClient = prisma,
): Promise<Record<string, QuestionStatus>> {
  const statuses: Record<string, QuestionStatus> = {};
  if (input.questionIds.length === 0) return statuses;
  const groups = await db.attempt.groupBy({
    by: ['questionId', 'status'],
    where: { userId: actor.id, questionId: { in: input.questionIds } },
    _count: { _all: true },
  });
  for (const id of input.questionIds) statuses[id] = 'new';
  for (const group of groups) {
    if (group.status === 'PASSED') statuses[group.questionId] = 'passed';
    else if (statuses[group.questionId] !== 'passed') statuses[group.questionId] = 'tried';
  }
  return statuses;
}
