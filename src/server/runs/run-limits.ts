// Per-user limits for Run before Submit, held in the database so they apply across web processes:
// one run at a time, and at most `maxPerMinute` started a minute. reserveRun and finishRun bracket
// every run (discardRun instead, when the code never ran); a run row left unfinished by a crashed
// process stops counting as "running" after STALE_RUN_SECONDS (longer than any run can take: the
// grading process is killed at 120 s).
import { prisma, type Db } from '@/server/db';
import { TooManyRequestsError } from '@/server/errors';

const RUN_LOCK = 0x52554e31;
export const STALE_RUN_SECONDS = 150;

export async function reserveRun({ userId, questionId, maxPerMinute }: { userId: string; questionId: string; maxPerMinute: number }, db: Db = prisma): Promise<string> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RUN_LOCK}::int, hashtext(${userId})) AS locked`;
      if (!lock?.locked) throw new TooManyRequestsError('Your previous run is still starting. Wait a moment, then run again.', 2);
      const [counts] = await tx.$queryRaw<{ running: number; recent: number; oldestRecentAgeMs: number | null }[]>`
        SELECT
          (SELECT count(*) FROM "CodeRun" WHERE "userId" = ${userId}::uuid AND "finishedAt" IS NULL
            AND "createdAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => ${STALE_RUN_SECONDS}))::int AS running,
          (SELECT count(*) FROM "CodeRun" WHERE "userId" = ${userId}::uuid
            AND "createdAt" > (now() AT TIME ZONE 'UTC') - interval '1 minute')::int AS recent,
          (SELECT (extract(epoch FROM (now() AT TIME ZONE 'UTC') - min("createdAt")) * 1000)::float8 FROM "CodeRun"
            WHERE "userId" = ${userId}::uuid AND "createdAt" > (now() AT TIME ZONE 'UTC') - interval '1 minute') AS "oldestRecentAgeMs"`;
      if (counts && counts.running > 0) {
        throw new TooManyRequestsError('Your tests are already running. Wait for that run to finish, then run again.', 3);
      }
      if (counts && counts.recent >= maxPerMinute) {
        const waitSeconds = Math.max(1, Math.ceil((60_000 - (counts.oldestRecentAgeMs ?? 0)) / 1000));
        throw new TooManyRequestsError(
          `You have run your code ${counts.recent} times in the last minute (the limit is ${maxPerMinute}). ` +
            `Try again in ${waitSeconds} second${waitSeconds === 1 ? '' : 's'}.`,
          waitSeconds,
        );
      }
      const run = await tx.codeRun.create({ data: { userId, questionId }, select: { id: true } });
      return run.id;
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

export async function finishRun(id: string, db: Db = prisma): Promise<void> {
  await db.codeRun.update({ where: { id }, data: { finishedAt: new Date() }, select: { id: true } });
}

// A run refused before the code ran (every slot busy, the runner unreachable): its row goes, so
// the refusal that said "your code was not run" does not use up one of the candidate's runs.
export async function discardRun(id: string, db: Db = prisma): Promise<void> {
  await db.codeRun.deleteMany({ where: { id } });
}
