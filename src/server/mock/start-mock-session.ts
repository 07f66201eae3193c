// Starts a mock interview: picks the topic's questions (published, with grading material) and
// starts the clock. The clock is the server's: `endsAt` is fixed here and the report says how
// long the candidate took.
import { prisma, type Db } from '@/server/db';
import { BadRequestError, NotFoundError } from '@/server/errors';
import { visibleQuestion } from '@/server/questions/question-summary';
import { pickMockQuestions } from './pick-mock-questions';
import { MOCK_LENGTHS, StartMockSchema } from './schemas';

export async function startMockSession({ actor, input, random }: { actor: { id: string }; input: unknown; random?: () => number }, db: Db = prisma): Promise<{ id: string }> {
  const { topicId, length } = StartMockSchema.parse(input);
  const topic = await db.topic.findFirst({ where: { id: topicId, published: true, deletedAt: null }, select: { id: true } });
  if (!topic) throw new NotFoundError('That topic does not exist or is no longer available.');
  const candidates = await db.question.findMany({
    where: { topicId, ...visibleQuestion, versions: { some: { publishedAt: { not: null } } } },
    select: { id: true, answerKind: true },
  });
  if (candidates.length === 0) throw new BadRequestError('This topic has no questions ready for a mock interview yet; choose another topic.');
  const { questions, minutes } = MOCK_LENGTHS[length];
  const picked = pickMockQuestions(candidates, questions, random);
  const startedAt = new Date();
  const session = await db.mockSession.create({
    data: { userId: actor.id, topicId, questionIds: picked.map((q) => q.id), minutes, startedAt, endsAt: new Date(startedAt.getTime() + minutes * 60_000) },
    select: { id: true },
  });
  return session;
}
