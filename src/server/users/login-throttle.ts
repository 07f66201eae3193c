// Throttles repeated failed sign-ins, in Postgres so it holds across processes and restarts.
// Three counters, so that a stranger's failures cannot lock the owner out:
// - (email, address): the tight one. 5 failures, then 30 s doubling up to 15 min. Only the
//   person guessing from that address is held back.
// - address: 20 failures across any emails, then 30 s doubling. Stops one address spraying.
// - email: 50 failures from any addresses, then a short, fixed 60 s block. Slows a guessing
//   campaign spread over many addresses without letting one stranger lock an account for long.
// The address is the socket address (see src/server/client-address.ts), never a header a client
// chose. A successful sign-in clears its (email, address) and email counters.
import { prisma, type DbClient } from '@/server/db';
import { TooManyRequestsError } from '@/server/errors';
import { likeLiteral } from '@/server/like-literal';
import { countSignInThrottled } from '@/server/observability/metrics';

const WINDOW_MS = 15 * 60_000;
const RULES = {
  pair: { freeFailures: 5, firstBlockSeconds: 30, maxBlockSeconds: 15 * 60 },
  address: { freeFailures: 20, firstBlockSeconds: 30, maxBlockSeconds: 15 * 60 },
  email: { freeFailures: 50, firstBlockSeconds: 60, maxBlockSeconds: 60 },
} as const;

export type ThrottleKey = { kind: keyof typeof RULES; value: string };

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

// The counters one sign-in attempt is checked against and counted in.
export function signInThrottleKeys(email: string, address: string): ThrottleKey[] {
  return [
    { kind: 'pair', value: `${email} ${address}` },
    { kind: 'address', value: address },
    { kind: 'email', value: email },
  ];
}

// `failures` names what was failing in the 429's message: sign-ins, or the current password typed
// to change it (change-password.ts), which counts in the same counters.
export async function assertNotThrottled(keys: ThrottleKey[], db: DbClient = prisma, now = new Date(), failures = 'failed sign-ins'): Promise<void> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys.map(keyOf) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  if (until > now.getTime()) {
    const seconds = Math.ceil((until - now.getTime()) / 1000);
    countSignInThrottled();
    throw new TooManyRequestsError(`Too many ${failures}. Try again in ${seconds} seconds.`, seconds);
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
    const rule = RULES[k.kind];
    const over = (row?.failures ?? 0) - rule.freeFailures;
    if (over >= 0) {
      const seconds = Math.min(rule.maxBlockSeconds, rule.firstBlockSeconds * 2 ** Math.min(over, 30));
      await db.loginThrottle.update({
        where: { key: keyOf(k) },
        data: { blockedUntil: new Date(now.getTime() + seconds * 1000) },
      });
    }
  }
}

export async function clearFailedSignIns(keys: ThrottleKey[], db: DbClient = prisma): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys.map(keyOf) } } });
}

// After the right password (a sign-in, or a password change), that account's counters go; the
// address's own counter stays, since it is about the address, not the account.
export const clearAccountFailures = (keys: ThrottleKey[], db: DbClient = prisma) =>
  clearFailedSignIns(keys.filter((k) => k.kind !== 'address'), db);

// After the owner proves control of the account (a password reset), their counters from every
// address go; the per-address counters stay, since they are about the address, not the account.
// Matched literally: an email's _ or % is no wildcard (a_b@x must not clear aXb@x's counters).
export async function clearFailedSignInsForEmail(email: string, db: DbClient = prisma): Promise<void> {
  await db.loginThrottle.deleteMany({
    where: { OR: [{ key: keyOf({ kind: 'email', value: email }) }, { key: { startsWith: likeLiteral(`${keyOf({ kind: 'pair', value: email })} `) } }] },
  });
}
