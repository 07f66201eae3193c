// Starts a mock interview: picks the topic's questions (published, with grading material) and
// starts the clock. The clock is the server's: `endsAt` is fixed here and the report says how
// long the candidate took. A candidate may have MAX_RUNNING_MOCKS interviews whose clock still
// runs (not finished, not past their end); past that a start is refused until the first one ends.
// Finishing at once frees that place, so MAX_MOCK_STARTS_PER_HOUR caps starts in any hour too:
// a script cannot create sessions without limit by starting and finishing them in a loop.
import { prisma, type Db } from '@/server/db';
import { BadRequestError, NotFoundError, TooManyRequestsError } from '@/server/errors';
import { visibleQuestion } from '@/server/questions/question-summary';
import { listRunningMocks } from './list-running-mocks';
import { pickMockQuestions } from './pick-mock-questions';
import { MAX_MOCK_STARTS_PER_HOUR, MAX_RUNNING_MOCKS, MOCK_LENGTHS, StartMockSchema } from './schemas';

const HOUR_MS = 3_600_000;

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
  return db.$transaction(async (tx) => {
    // One start at a time per candidate, so concurrent starts cannot all pass the count.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mock-start:${actor.id}`}))`;
    const startedAt = new Date();
    const running = await listRunningMocks({ actor }, tx, startedAt);
    if (running.length >= MAX_RUNNING_MOCKS) {
      const seconds = Math.max(1, Math.ceil((running[0]!.endsAt.getTime() - startedAt.getTime()) / 1000));
      throw new TooManyRequestsError(
        `You have ${running.length} mock interviews in progress. Finish one (they are listed on this page), or wait for the first to end in ${Math.ceil(seconds / 60)} min, before starting another.`,
        seconds,
      );
    }
    // The newest starts of the last hour, newest first: once the last of these is an hour old,
    // fewer than the limit remain.
    const recent = await tx.mockSession.findMany({
      where: { userId: actor.id, startedAt: { gt: new Date(startedAt.getTime() - HOUR_MS) } },
      select: { startedAt: true },
      orderBy: { startedAt: 'desc' },
      take: MAX_MOCK_STARTS_PER_HOUR,
    });
    if (recent.length >= MAX_MOCK_STARTS_PER_HOUR) {
      const seconds = Math.max(1, Math.ceil((recent[recent.length - 1]!.startedAt.getTime() + HOUR_MS - startedAt.getTime()) / 1000));
      throw new TooManyRequestsError(
        `You have started ${recent.length} mock interviews in the last hour (the limit is ${MAX_MOCK_STARTS_PER_HOUR}). You can start another in ${Math.ceil(seconds / 60)} min.`,
        seconds,
      );
    }
    return tx.mockSession.create({
      data: { userId: actor.id, topicId, questionIds: picked.map((q) => q.id), minutes, startedAt, endsAt: new Date(startedAt.getTime() + minutes * 60_000) },
      select: { id: true },
    });
  });
}
