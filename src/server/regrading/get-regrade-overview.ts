// What the admin question page shows about re-grading: the live version, how many graded attempts
// are graded under an older one (what a run would re-grade now), and the latest runs.
import { prisma, type DbClient } from '@/server/db';
import { countProgress } from './count-progress';
import type { RegradeProgress } from './schemas';

export type RegradeOverview = { liveVersion: number | null; eligible: number; runs: RegradeProgress[] };

const RUNS_SHOWN = 5;

export async function getRegradeOverview({ input }: { input: { questionId: string } }, db: DbClient = prisma): Promise<RegradeOverview> {
  const { questionId } = input;
  const live = await db.questionVersion.findFirst({
    where: { questionId, publishedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const runs = await countProgress({ where: { questionId, limit: RUNS_SHOWN } }, db);
  if (!live) return { liveVersion: null, eligible: 0, runs };
  const [row] = await db.$queryRaw<{ eligible: number }[]>`
    SELECT count(*)::int AS eligible
      FROM "Attempt" a LEFT JOIN "QuestionVersion" v ON v.id = a."questionVersionId"
     WHERE a."questionId" = ${questionId}::uuid AND a.status IN ('PASSED', 'FAILED', 'ERROR')
       AND (v.version IS NULL OR v.version < ${live.version}::int)`;
  return { liveVersion: live.version, eligible: row?.eligible ?? 0, runs };
}
