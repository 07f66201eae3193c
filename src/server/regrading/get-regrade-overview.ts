// What the admin question page shows about re-grading: the live version, how many graded attempts
// a run would re-grade now (graded under an older version, or under the live one by an earlier
// grader revision: regrade-eligible.ts), and the latest runs.
import { prisma, type DbClient } from '@/server/db';
import { countProgress } from './count-progress';
import { earlierGraderSql, olderVersionSql } from './regrade-eligible';
import type { RegradeProgress } from './schemas';

export type RegradeOverview = { liveVersion: number | null; olderVersion: number; earlierGrader: number; runs: RegradeProgress[] };

const RUNS_SHOWN = 5;

export async function getRegradeOverview({ input }: { input: { questionId: string } }, db: DbClient = prisma): Promise<RegradeOverview> {
  const { questionId } = input;
  const live = await db.questionVersion.findFirst({
    where: { questionId, publishedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true },
  });
  const runs = await countProgress({ where: { questionId, limit: RUNS_SHOWN } }, db);
  if (!live) return { liveVersion: null, olderVersion: 0, earlierGrader: 0, runs };
  const [row] = await db.$queryRaw<{ olderVersion: number; earlierGrader: number }[]>`
    SELECT count(*) FILTER (WHERE ${olderVersionSql(live)})::int AS "olderVersion",
           count(*) FILTER (WHERE ${earlierGraderSql(live)})::int AS "earlierGrader"
      FROM "Attempt" a LEFT JOIN "QuestionVersion" v ON v.id = a."questionVersionId"
     WHERE a."questionId" = ${questionId}::uuid AND a.status IN ('PASSED', 'FAILED', 'ERROR')`;
  return { liveVersion: live.version, olderVersion: row?.olderVersion ?? 0, earlierGrader: row?.earlierGrader ?? 0, runs };
}
