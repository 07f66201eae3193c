// Stores a candidate's answer and queues it for grading, in one transaction, and answers at once:
// the web process never runs candidate code. Once it has committed, a NOTIFY wakes an idle worker
// to claim the job immediately (docs/decisions/002-grading-queue.md); it is sent in a statement of
// its own so that submits do not commit one at a time (send-notification.ts).
// A flood is refused before it is stored: per user, at most `maxPendingPerUser` attempts waiting or
// running and `maxPerUserPerMinute` submissions a minute (429); for everyone, at most
// `maxQueueDepth` jobs waiting or running (503). Both carry Retry-After.
import type { AnswerKindCode } from '@/lib/labels';
import { prisma, type Db, type DbClient } from '@/server/db';
import { PayloadTooLargeError, TooManyRequestsError } from '@/server/errors';
import { questionGone, visibleQuestion } from '@/server/questions/question-summary';
import { GRADING_JOBS_CHANNEL } from '@/server/grading-jobs/schemas';
import { sendNotification } from '@/server/send-notification';
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
    // Or the session check still under way (auth.ts startUserCheck): it runs beside the lookups
    // below and is awaited before them, so a session that has ended gets its 401 first.
    actor: Actor | Promise<Actor>;
    input: CreateAttemptInput;
    limits?: AttemptLimits;
    // Refuses the answer for this question by throwing (the practice length rule, submit-answer.ts).
    check?: (question: { answerKind: AnswerKindCode }) => void;
  },
  db: Db | DbClient = prisma,
): Promise<CreatedAttempt> {
  const { questionId, answer } = CreateAttemptSchema.parse(input);
  // Graded against the latest published version; with none yet, the worker says so (infra_error)
  // and the answer is still kept. The question and that version in one query (relationJoins).
  const lookup = db.question.findFirst({
    where: { id: questionId, ...visibleQuestion },
    select: {
      id: true,
      answerKind: true,
      versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: { id: true } },
    },
  });
  lookup.catch(() => {}); // awaited below, after the actor: only its 401 may come first
  const who = await actor;
  const question = await lookup;
  const version = question?.versions[0] ?? null;
  if (!question) throw questionGone();
  check?.(question);
  const oversize = describeOversizeAnswer(question.answerKind, answer);
  if (oversize) throw new PayloadTooLargeError(oversize);
  // The lock, the limits' counts, the attempt and its job in one statement: one round trip
  // (migrations 20261201180000_submit_attempt_function, 20261202030000_…_notify_after_commit).
  const [outcome] = await db.$queryRaw<SubmitOutcome[]>`
    SELECT * FROM "rehearse_submit_attempt"(${SUBMISSION_LOCK}::int, ${who.id}::uuid, ${questionId}::uuid, ${version?.id ?? null}::uuid,
      ${question.answerKind}::"AnswerKind", ${answer}, ${limits.maxPendingPerUser}::int, ${limits.maxPerUserPerMinute}::int,
      ${limits.maxQueueDepth}::int)`;
  if (!outcome) throw new Error('storing the attempt returned no row');
  if (!outcome.attempt_id || !outcome.job_id) refuse(outcome, limits);
  // The answer is stored: the worker's wake-up goes out without the candidate waiting for it, and
  // one that fails loses nothing (workers poll every few seconds; the failure is logged).
  await sendNotification(GRADING_JOBS_CHANNEL, outcome.job_id, db, { inBackground: true });
  const created = { id: outcome.attempt_id, status: 'QUEUED' as const };
  countAttemptSubmitted({ kind: question.answerKind, attemptId: created.id, userId: who.id });
  return created;
}

type SubmitOutcome = { attempt_id: string | null; job_id: string | null; locked: boolean; pending: number; recent: number; oldest_recent_age_ms: number | null; depth: number };

// Why the attempt was not stored, in words: the per-user lock (held until the statement's
// transaction ends) makes the count and the insert one step for that user; a second post by the
// same user while one is being stored is refused rather than queued behind it.
function refuse(outcome: SubmitOutcome, limits: AttemptLimits): never {
  if (!outcome.locked) {
    throw new TooManyRequestsError('Your previous answer is still being submitted. Wait a moment, then submit again.', 1);
  }
  if (outcome.pending >= limits.maxPendingPerUser) {
    throw new TooManyRequestsError(
      `You already have ${outcome.pending} answer${outcome.pending === 1 ? '' : 's'} waiting to be graded (the limit is ${limits.maxPendingPerUser}). ` +
        'Wait for one to finish, then submit again.',
      PENDING_RETRY_AFTER_SECONDS,
    );
  }
  if (outcome.recent >= limits.maxPerUserPerMinute) {
    const waitSeconds = Math.max(1, Math.ceil((60_000 - (outcome.oldest_recent_age_ms ?? 0)) / 1000));
    throw new TooManyRequestsError(
      `You have submitted ${outcome.recent} answers in the last minute (the limit is ${limits.maxPerUserPerMinute}). ` +
        `Try again in ${waitSeconds} second${waitSeconds === 1 ? '' : 's'}.`,
      waitSeconds,
    );
  }
  throw new QueueFullError(
    `Grading is very busy right now. Please submit again in about ${QUEUE_FULL_RETRY_AFTER_SECONDS} seconds; your answer was not saved.`,
    QUEUE_FULL_RETRY_AFTER_SECONDS,
  );
}
