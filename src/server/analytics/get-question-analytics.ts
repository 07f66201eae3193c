// How a question performs, for admins: graded attempts, distinct candidates, pass rate, the score
// distribution in tenths, which concepts (written) or tests and scenarios (code) are missed most
// (a written concept only partly covered counts, and is told apart), and the same counts per
// version. Computed in Postgres, so it stays cheap as attempts grow.
import { prisma, type DbClient } from '@/server/db';

export type QuestionAnalytics = {
  attempts: number;
  users: number;
  passed: number;
  // Passed among graded attempts (PASSED, FAILED, ERROR), 0–100, or null before the first.
  passRate: number | null;
  // Ten buckets: 0–9, 10–19, …, 90–100.
  distribution: number[];
  // `missed`: attempts where it did not pass; `partly` of those, a written concept partly covered.
  mostMissed: { name: string; missed: number; partly: number; share: number }[];
  byVersion: { version: number | null; attempts: number; passed: number; averageScore: number | null }[];
};

const GRADED = `('PASSED', 'FAILED', 'ERROR')`;

export async function getQuestionAnalytics({ input }: { input: { questionId: string } }, db: DbClient = prisma): Promise<QuestionAnalytics> {
  const { questionId } = input;
  const [totals] = await db.$queryRawUnsafe<{ attempts: number; users: number; passed: number }[]>(
    `SELECT count(*)::int AS attempts, count(DISTINCT "userId")::int AS users, count(*) FILTER (WHERE "status" = 'PASSED')::int AS passed
       FROM "Attempt" WHERE "questionId" = $1::uuid AND "status"::text IN ${GRADED}`,
    questionId,
  );
  const buckets = await db.$queryRawUnsafe<{ bucket: number; count: number }[]>(
    `SELECT LEAST("score" / 10, 9)::int AS bucket, count(*)::int AS count
       FROM "Attempt" WHERE "questionId" = $1::uuid AND "status"::text IN ${GRADED} AND "score" IS NOT NULL GROUP BY 1`,
    questionId,
  );
  const missed = await db.$queryRawUnsafe<{ name: string; missed: number; partly: number }[]>(
    `SELECT t->>'name' AS name, count(*)::int AS missed, count(*) FILTER (WHERE t->>'coverage' = 'partial')::int AS partly
       FROM "Attempt" a CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a."result"->'tests') = 'array' THEN a."result"->'tests' ELSE '[]'::jsonb END) t
      WHERE a."questionId" = $1::uuid AND a."status"::text IN ${GRADED} AND t->>'status' IS DISTINCT FROM 'pass' AND t->>'name' IS NOT NULL
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5`,
    questionId,
  );
  const versions = await db.$queryRawUnsafe<{ version: number | null; attempts: number; passed: number; average: number | null }[]>(
    `SELECT v."version" AS version, count(*)::int AS attempts, count(*) FILTER (WHERE a."status" = 'PASSED')::int AS passed, round(avg(a."score"))::int AS average
       FROM "Attempt" a LEFT JOIN "QuestionVersion" v ON v."id" = a."questionVersionId"
      WHERE a."questionId" = $1::uuid AND a."status"::text IN ${GRADED}
      GROUP BY 1 ORDER BY 1 DESC NULLS LAST`,
    questionId,
  );
  const { attempts, users, passed } = totals ?? { attempts: 0, users: 0, passed: 0 };
  const distribution = Array.from({ length: 10 }, (_, i) => buckets.find((b) => b.bucket === i)?.count ?? 0);
  return {
    attempts,
    users,
    passed,
    passRate: attempts === 0 ? null : Math.round((passed / attempts) * 100),
    distribution,
    mostMissed: missed.map((m) => ({ name: m.name, missed: m.missed, partly: m.partly, share: Math.round((m.missed / attempts) * 100) })),
    byVersion: versions.map((v) => ({ version: v.version, attempts: v.attempts, passed: v.passed, averageScore: v.average })),
  };
}
