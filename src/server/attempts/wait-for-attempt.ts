// GET /api/attempts/<id>?wait=N: like getAttempt, but while the attempt is still waiting or being
// graded it holds the request for up to N seconds and answers as soon as the worker records the
// grade (it NOTIFYs 'attempt_settled'), so the practice page gets the result pushed instead of
// polling. Same owner-only 404 as getAttempt.
import { prisma, type DbClient } from '@/server/db';
import { subscribeAttemptSettled } from '@/server/grading-jobs/wait-for-settled';
import { getAttempt, type AttemptDetail } from './get-attempt';
import { AttemptIdSchema, type Actor } from './schemas';

const PENDING = ['QUEUED', 'RUNNING'];

export async function waitForAttempt(
  { actor, input, signal }: { actor: Actor; input: { id: string; waitSeconds: number }; signal?: AbortSignal },
  db: DbClient = prisma,
): Promise<AttemptDetail> {
  const { id } = AttemptIdSchema.parse({ id: input.id });
  if (input.waitSeconds <= 0) return getAttempt({ actor, input: { id } }, db);
  const subscription = await subscribeAttemptSettled(id);
  try {
    const first = await getAttempt({ actor, input: { id } }, db);
    if (!PENDING.includes(first.status)) return first;
    await subscription.settled(input.waitSeconds * 1000, signal);
  } finally {
    subscription.close();
  }
  const woken = Date.now();
  const attempt = await getAttempt({ actor, input: { id } }, db);
  // GRADING_TIMINGS=1: when the wait ended and the final read did, for the bench's step breakdown
  // (src/worker/job-timings.ts prints the worker's side in the same form).
  if (process.env.GRADING_TIMINGS === '1') process.stdout.write(`grading-timings ${JSON.stringify({ attemptId: id, pollWoken: woken, pollRead: Date.now() })}\n`);
  return attempt;
}
