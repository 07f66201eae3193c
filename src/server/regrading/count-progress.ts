// Progress of re-grade runs, counted from their rows in one query: one run (the progress poll) or
// a question's latest runs (its admin page).
import { Prisma } from '@/generated/prisma/client';
import { prisma, type DbClient } from '@/server/db';
import type { RegradeProgress } from './schemas';

type Row = {
  id: string; version: number; graderRevision: string; total: number; createdAt: Date; requestedBy: string | null;
  queued: number; running: number; done: number; skipped: number; failed: number; changed: number;
};

export async function countProgress(
  { where }: { where: { runId: string } | { questionId: string; limit: number } },
  db: DbClient = prisma,
): Promise<RegradeProgress[]> {
  const filter = 'runId' in where ? Prisma.sql`run.id = ${where.runId}::uuid` : Prisma.sql`run."questionId" = ${where.questionId}::uuid`;
  const limit = 'runId' in where ? 1 : where.limit;
  const rows = await db.$queryRaw<Row[]>`
    SELECT run.id, v.version, run."graderRevision", run.total, run."createdAt", u.email AS "requestedBy",
           count(r.id) FILTER (WHERE r.state = 'QUEUED')::int AS queued,
           count(r.id) FILTER (WHERE r.state = 'RUNNING')::int AS running,
           count(r.id) FILTER (WHERE r.state = 'DONE')::int AS done,
           count(r.id) FILTER (WHERE r.state = 'SKIPPED')::int AS skipped,
           count(r.id) FILTER (WHERE r.state = 'FAILED')::int AS failed,
           count(r.id) FILTER (WHERE r.state = 'DONE' AND (r.status IS DISTINCT FROM r."previousStatus" OR r.score IS DISTINCT FROM r."previousScore"))::int AS changed
      FROM "RegradeRun" run
      JOIN "QuestionVersion" v ON v.id = run."questionVersionId"
      LEFT JOIN "User" u ON u.id = run."requestedById"
      LEFT JOIN "AttemptRegrade" r ON r."runId" = run.id
     WHERE ${filter}
     GROUP BY run.id, v.version, u.email
     ORDER BY run."createdAt" DESC, run.id
     LIMIT ${limit}::int`;
  return rows.map(({ createdAt, ...r }) => ({ ...r, isFinished: r.queued + r.running === 0, createdAt: createdAt.toISOString() }));
}
