// Stores a candidate's answer and queues it for grading, in one transaction, and answers at once:
// the web process never runs candidate code. The NOTIFY inside the transaction is delivered when
// it commits, so an idle worker claims the job immediately (docs/decisions/002-grading-queue.md).
import { prisma, type Db, type DbClient } from '@/server/db';
import { NotFoundError, PayloadTooLargeError } from '@/server/errors';
import { visibleQuestion } from '@/server/questions/question-summary';
import { GRADING_JOBS_CHANNEL } from '@/server/grading-jobs/schemas';
import { countAttemptSubmitted } from '@/server/observability/metrics';
import { CreateAttemptSchema, describeOversizeAnswer, type Actor, type CreateAttemptInput } from './schemas';

export type CreatedAttempt = { id: string; status: 'QUEUED' };

export async function createAttempt(
  { actor, input }: { actor: Actor; input: CreateAttemptInput },
  db: Db | DbClient = prisma,
): Promise<CreatedAttempt> {
  const { questionId, answer } = CreateAttemptSchema.parse(input);
  const question = await db.question.findFirst({
    where: { id: questionId, ...visibleQuestion },
    select: { id: true, answerKind: true },
  });
  if (!question) throw new NotFoundError('That question does not exist or is no longer available.');
  const oversize = describeOversizeAnswer(question.answerKind, answer);
  if (oversize) throw new PayloadTooLargeError(oversize);
  // Graded against the latest published version; with none yet, the worker says so (infra_error)
  // and the answer is still kept.
  const version = await db.questionVersion.findFirst({
    where: { questionId, publishedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: { id: true },
  });
  const created = await inTransaction(db, async (tx) => {
    const attempt = await tx.attempt.create({
      data: {
        userId: actor.id,
        questionId,
        questionVersionId: version?.id ?? null,
        answerKind: question.answerKind,
        answer,
        status: 'QUEUED',
        job: { create: {} },
      },
      select: { id: true, job: { select: { id: true } } },
    });
    await tx.$executeRaw`SELECT pg_notify(${GRADING_JOBS_CHANNEL}, ${attempt.job?.id ?? ''})`;
    return { id: attempt.id, status: 'QUEUED' as const };
  });
  countAttemptSubmitted({ kind: question.answerKind, attemptId: created.id, userId: actor.id });
  return created;
}

// Runs `fn` in a new transaction, or in the caller's when it passed one.
function inTransaction<T>(db: Db | DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  return '$transaction' in db ? (db as Db).$transaction(fn) : fn(db);
}
