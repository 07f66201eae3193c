// Throttles repeated failed sign-ins per key (an email, or a client address), in Postgres so it
// holds across processes and restarts. After FREE_FAILURES failures within the window, each
// further failure doubles the wait, up to MAX_BLOCK_SECONDS.
import { prisma, type DbClient } from '@/server/db';
import { TooManyRequestsError } from '@/server/errors';
import { countSignInThrottled } from '@/server/observability/metrics';

const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES = { email: 5, address: 20 } as const;
const FIRST_BLOCK_SECONDS = 30;
const MAX_BLOCK_SECONDS = 15 * 60;

export type ThrottleKey = { kind: keyof typeof FREE_FAILURES; value: string };

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

export async function assertNotThrottled(keys: ThrottleKey[], db: DbClient = prisma, now = new Date()): Promise<void> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys.map(keyOf) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  if (until > now.getTime()) {
    const seconds = Math.ceil((until - now.getTime()) / 1000);
    countSignInThrottled();
    throw new TooManyRequestsError(`Too many failed sign-ins. Try again in ${seconds} seconds.`, seconds);
  }
}

export async function recordFailedSignIn(keys: ThrottleKey[], db: DbClient = prisma, now = new Date()): Promise<void> {
  for (const k of keys) {
    // One statement per key: concurrent failures each count (no lost updates).
    await db.$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart")
      VALUES (${keyOf(k)}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${new Date(now.getTime() - WINDOW_MS)}
                          THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${new Date(now.getTime() - WINDOW_MS)}
                             THEN ${now} ELSE "LoginThrottle"."windowStart" END`;
    const row = await db.loginThrottle.findUnique({ where: { key: keyOf(k) }, select: { failures: true } });
    const over = (row?.failures ?? 0) - FREE_FAILURES[k.kind];
    if (over >= 0) {
      const seconds = Math.min(MAX_BLOCK_SECONDS, FIRST_BLOCK_SECONDS * 2 ** over);
      await db.loginThrottle.update({
        where: { key: keyOf(k) },
        data: { blockedUntil: new Date(now.getTime() + seconds * 1000) },
      });
    }
  }
}

export async function clearFailedSignIns(key: ThrottleKey, db: DbClient = prisma): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: keyOf(key) } });
}
