// Stores a candidate's answer and queues it for grading, in one transaction, and answers at once:
// the web process never runs candidate code. The NOTIFY inside the transaction is delivered when
// it commits, so an idle worker claims the job immediately (docs/decisions/002-grading-queue.md).
// A flood is refused before it is stored: per user, at most `maxPendingPerUser` attempts waiting or
// running and `maxPerUserPerMinute` submissions a minute (429); for everyone, at most
// `maxQueueDepth` jobs waiting or running (503). Both carry Retry-After.
import type { AnswerKindCode } from '@/lib/labels';
import { prisma, type Db, type DbClient } from '@/server/db';
import { NotFoundError, PayloadTooLargeError, TooManyRequestsError } from '@/server/errors';
import { visibleQuestion } from '@/server/questions/question-summary';
import { GRADING_JOBS_CHANNEL } from '@/server/grading-jobs/schemas';
import { attemptLimitsFromEnv, QueueFullError, type AttemptLimits } from './attempt-limits';
import { countAttemptSubmitted } from '@/server/observability/metrics';
import { CreateAttemptSchema, describeOversizeAnswer, type Actor, type CreateAttemptInput } from './schemas';

export type CreatedAttempt = { id: string; status: 'QUEUED' };

// Advisory-lock class for "one user's submissions", so the limits hold under concurrent posts.
const SUBMISSION_LOCK = 0x52454831;
// A pending attempt usually finishes within a few seconds; the queue drains more slowly.
const PENDING_RETRY_AFTER_SECONDS = 5;
const QUEUE_FULL_RETRY_AFTER_SECONDS = 15;

export async function createAttempt(
  {
    actor,
    input,
    limits = attemptLimitsFromEnv(),
    check,
  }: {
    actor: Actor;
    input: CreateAttemptInput;
    limits?: AttemptLimits;
    // Refuses the answer for this question by throwing (the practice length rule, submit-answer.ts).
    check?: (question: { answerKind: AnswerKindCode }) => void;
  },
  db: Db | DbClient = prisma,
): Promise<CreatedAttempt> {
  const { questionId, answer } = CreateAttemptSchema.parse(input);
  // Graded against the latest published version; with none yet, the worker says so (infra_error)
  // and the answer is still kept. Both looked up at once: neither depends on the other.
  const [question, version] = await Promise.all([
    db.question.findFirst({ where: { id: questionId, ...visibleQuestion }, select: { id: true, answerKind: true } }),
    db.questionVersion.findFirst({
      where: { questionId, publishedAt: { not: null } },
      orderBy: { version: 'desc' },
      select: { id: true },
    }),
  ]);
  if (!question) throw new NotFoundError('That question does not exist or is no longer available.');
  check?.(question);
  const oversize = describeOversizeAnswer(question.answerKind, answer);
  if (oversize) throw new PayloadTooLargeError(oversize);
  const created = await inTransaction(db, async (tx) => {
    await requireCapacity(actor, limits, tx);
    // The attempt, its job and the worker's wake-up in one statement (the NOTIFY is delivered at
    // commit). Timestamps in UTC without a zone, as Prisma writes them.
    const [attempt] = await tx.$queryRaw<{ id: string }[]>`
      WITH attempt AS (
        INSERT INTO "Attempt" (id, "userId", "questionId", "questionVersionId", "answerKind", answer, status, "createdAt", "updatedAt")
        VALUES (gen_random_uuid(), ${actor.id}::uuid, ${questionId}::uuid, ${version?.id ?? null}::uuid, ${question.answerKind}::"AnswerKind", ${answer},
          'QUEUED', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
        RETURNING id
      ), job AS (
        INSERT INTO "GradingJob" (id, "attemptId", "runAt", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), attempt.id, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM attempt
        RETURNING id
      )
      SELECT attempt.id FROM attempt, job, LATERAL (SELECT pg_notify(${GRADING_JOBS_CHANNEL}, job.id::text)) AS notified`;
    if (!attempt) throw new Error('storing the attempt returned no row');
    return { id: attempt.id, status: 'QUEUED' as const };
  });
  countAttemptSubmitted({ kind: question.answerKind, attemptId: created.id, userId: actor.id });
  return created;
}

// Throws unless this user, and the queue, may take one more attempt. The per-user lock (released
// when the transaction ends) makes the count and the insert one step for that user; a second post
// by the same user while one is being stored is refused rather than queued behind it.
async function requireCapacity(actor: Actor, limits: AttemptLimits, tx: DbClient): Promise<void> {
  // Try, never wait: a burst of one user's posts must not hold the pool's connections while they
  // queue for the lock (that would starve everyone else's requests).
  const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SUBMISSION_LOCK}::int, hashtext(${actor.id})) AS locked`;
  if (!lock?.locked) {
    throw new TooManyRequestsError('Your previous answer is still being submitted. Wait a moment, then submit again.', 1);
  }
  const [counts] = await tx.$queryRaw<{ pending: number; recent: number; oldestRecentAgeMs: number | null; depth: number }[]>`
    SELECT
      (SELECT count(*) FROM "GradingJob" j JOIN "Attempt" a ON a.id = j."attemptId"
        WHERE j.state IN ('QUEUED', 'RUNNING') AND a."userId" = ${actor.id}::uuid)::int AS pending,
      (SELECT count(*) FROM "Attempt"
        WHERE "userId" = ${actor.id}::uuid AND "createdAt" > (now() AT TIME ZONE 'UTC') - interval '1 minute')::int AS recent,
      (SELECT (extract(epoch FROM (now() AT TIME ZONE 'UTC') - min("createdAt")) * 1000)::float8 FROM "Attempt"
        WHERE "userId" = ${actor.id}::uuid AND "createdAt" > (now() AT TIME ZONE 'UTC') - interval '1 minute') AS "oldestRecentAgeMs",
      (SELECT count(*) FROM "GradingJob" WHERE state IN ('QUEUED', 'RUNNING'))::int AS depth`;
  if (!counts) return;
  if (counts.pending >= limits.maxPendingPerUser) {
    throw new TooManyRequestsError(
      `You already have ${counts.pending} answer${counts.pending === 1 ? '' : 's'} waiting to be graded (the limit is ${limits.maxPendingPerUser}). ` +
        'Wait for one to finish, then submit again.',
      PENDING_RETRY_AFTER_SECONDS,
    );
  }
  if (counts.recent >= limits.maxPerUserPerMinute) {
    const waitSeconds = Math.max(1, Math.ceil((60_000 - (counts.oldestRecentAgeMs ?? 0)) / 1000));
    throw new TooManyRequestsError(
      `You have submitted ${counts.recent} answers in the last minute (the limit is ${limits.maxPerUserPerMinute}). ` +
        `Try again in ${waitSeconds} second${waitSeconds === 1 ? '' : 's'}.`,
      waitSeconds,
    );
  }
  if (counts.depth >= limits.maxQueueDepth) {
    throw new QueueFullError(
      `Grading is very busy right now. Please submit again in about ${QUEUE_FULL_RETRY_AFTER_SECONDS} seconds; your answer was not saved.`,
      QUEUE_FULL_RETRY_AFTER_SECONDS,
    );
  }
}

// Runs `fn` in a new transaction, or in the caller's when it passed one.
function inTransaction<T>(db: Db | DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  // A loaded machine can take seconds to hand out a connection; a short transaction still fits.
  return '$transaction' in db ? (db as Db).$transaction(fn, { maxWait: 10_000, timeout: 10_000 }) : fn(db);
}
