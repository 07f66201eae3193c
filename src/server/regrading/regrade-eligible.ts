// Which graded attempts a re-grade under the live version would change what graded them: those
// graded under an older question version, and those graded under the live one by an earlier
// grader revision (docs/decisions/023; results stored before revisions were recorded carry none).
// Reads `a` (Attempt) and `v` (its QuestionVersion, left-joined); shared by the run and the count
// the admin page shows, so the two never disagree.
import { Prisma } from '@/generated/prisma/client';
import { GRADER_REVISION } from '@/grading/grader-revision';

export const olderVersionSql = (liveVersion: number) => Prisma.sql`(v.version IS NULL OR v.version < ${liveVersion}::int)`;

export const earlierGraderSql = (liveVersion: number) =>
  Prisma.sql`(v.version = ${liveVersion}::int AND (a.result->>'graderRevision') IS DISTINCT FROM ${GRADER_REVISION})`;

export const regradeEligibleSql = (liveVersion: number) => Prisma.sql`${olderVersionSql(liveVersion)} OR ${earlierGraderSql(liveVersion)}`;
