// Whether this process can do its work: the database answers, every migration in the image is
// applied, a grading worker has beaten recently, and no due job has waited too long. Each check
// reports on its own and never throws, so the answer says which part is down. A check that threw
// keeps its reason in `reason` (a driver's error names the database's host and port); the route
// shows it only to a caller holding the metrics token and logs it (publicReadiness).
import { prisma, type DbClient } from '@/server/db';
import { env } from '@/server/env';
import { errorMessage } from '@/lib/error-message';
import { getQueueStats } from '@/server/observability/get-queue-stats';
import { READINESS_CHECKS, type Readiness, type ReadinessCheck, type ReadinessCheckName } from './schemas';

// The migrations of this build: next.config.ts lists prisma/migrations into the bundle at build
// time (no file is read at run time, so nothing here drags the project into the server trace).
function expectedMigrations(): string[] {
  return (process.env.REHEARSE_MIGRATIONS ?? '').split(',').filter(Boolean);
}

// One line: Prisma's own is reduced to the driver's words by errorMessage.
const describeCheckError = (error: unknown) => errorMessage(error).split('\n')[0]!;

const checks: Record<ReadinessCheckName, (db: DbClient) => Promise<ReadinessCheck>> = {
  database: async (db) => {
    const started = performance.now();
    await db.$queryRaw`SELECT 1`;
    return { ok: true, message: 'the database answers', ms: Math.round(performance.now() - started) };
  },
  migrations: async (db) => {
    const expected = expectedMigrations();
    if (expected.length === 0) return { ok: false, message: 'this build does not list its migrations (REHEARSE_MIGRATIONS, set by next.config.ts)', pending: [] };
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = expected.filter((name) => !applied.has(name));
    return { ok: pending.length === 0, message: pending.length ? `${pending.length} migration(s) not applied` : 'all migrations applied', pending };
  },
  workers: async (db) => {
    const [row] = await db.$queryRaw<{ alive: number; newest: number | null }[]>`
      SELECT count(*) FILTER (WHERE "beatAt" > (now() AT TIME ZONE 'UTC') - ${env.READY_WORKER_STALE_SECONDS}::int * interval '1 second')::int AS alive,
             extract(epoch FROM (now() AT TIME ZONE 'UTC') - max("beatAt"))::float8 AS newest
      FROM "WorkerHeartbeat"`;
    const alive = row?.alive ?? 0;
    return {
      ok: alive > 0,
      message: alive > 0 ? `${alive} worker(s) alive` : `no worker heartbeat in the last ${env.READY_WORKER_STALE_SECONDS} s`,
      alive,
      lastBeatSecondsAgo: row?.newest === null || row?.newest === undefined ? null : Math.round(row.newest),
    };
  },
  queue: async (db) => {
    const { depth, oldestDueSeconds } = await getQueueStats(db);
    const stuck = oldestDueSeconds > env.READY_QUEUE_STUCK_SECONDS;
    return {
      ok: !stuck,
      message: stuck ? `a due job has waited ${oldestDueSeconds} s (limit ${env.READY_QUEUE_STUCK_SECONDS} s)` : 'the queue moves',
      depth,
      oldestDueSeconds,
    };
  },
};

function failedCheck(name: ReadinessCheckName, error: unknown): ReadinessCheck {
  return { ok: false, message: `the ${name} check could not run; the reason is in the web server's log`, reason: describeCheckError(error) };
}

// What an anonymous probe may see: every check's verdict and our own figures, but not a reason
// taken from an error.
export function publicReadiness(readiness: Readiness): Readiness {
  const checks = Object.fromEntries(Object.entries(readiness.checks).map(([name, { reason: _reason, ...check }]) => [name, check]));
  return { ...readiness, checks };
}

// A database that does not answer (a dropped packet, not a refusal) must not hang the probe.
const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function getReadiness(
  { only = [...READINESS_CHECKS] }: { only?: ReadinessCheckName[] } = {},
  db: DbClient = prisma,
): Promise<Readiness> {
  const names = READINESS_CHECKS.filter((name) => only.includes(name));
  const results = await Promise.all(
    names.map(async (name) => [name, await withTimeout(checks[name](db)).catch((error: unknown) => failedCheck(name, error))] as const),
  );
  return { status: results.every(([, r]) => r.ok) ? 'ready' : 'not_ready', checks: Object.fromEntries(results) };
}
