// The candidate asks for a question's model answer. Allowed once they have a graded attempt on it
// (trying first is the practice); the reveal is recorded once per (user, question) and repeated
// asks return the same answer.
import { prisma, type DbClient } from '@/server/db';
import { NotFoundError, UnprocessableError } from '@/server/errors';
import { questionGone, visibleQuestion } from '@/server/questions/question-summary';
import { GRADED_STATUSES } from './get-attempt';
import { ListAttemptsSchema, type Actor } from './schemas';

export type RevealedModelAnswer = { questionId: string; modelAnswer: string; revealedAt: Date };

export async function revealModelAnswer(
  { actor, input }: { actor: Actor; input: { questionId: string } },
  db: DbClient = prisma,
): Promise<RevealedModelAnswer> {
  const { questionId } = ListAttemptsSchema.parse(input);
  const question = await db.question.findFirst({ where: { id: questionId, ...visibleQuestion }, select: { id: true } });
  if (!question) throw questionGone();
  const graded = await db.attempt.count({ where: { userId: actor.id, questionId, status: { in: [...GRADED_STATUSES] } } });
  if (graded === 0) throw new UnprocessableError('Submit an answer and get it graded first; then you can see the model answer.');
  const version = await db.questionVersion.findFirst({
    where: { questionId, publishedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: { modelAnswer: true },
  });
  if (!version?.modelAnswer) throw new NotFoundError('This question has no model answer yet.');
  const reveal = await db.answerReveal.upsert({
    where: { userId_questionId: { userId: actor.id, questionId } },
    create: { userId: actor.id, questionId },
    update: {},
    select: { revealedAt: true },
  });
  return { questionId, modelAnswer: version.modelAnswer, revealedAt: reveal.revealedAt };
}
