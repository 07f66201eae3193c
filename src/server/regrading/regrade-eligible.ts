// Which graded attempts a re-grade under the live version would change what graded them: those
// graded under an older question version, and those graded under the live one by an earlier
// grader revision (docs/decisions/023; results stored before revisions were recorded carry none),
// leaving out any already re-graded (or given up on) under the live version by this revision,
// which the run's unique key would skip. Reads `a` (Attempt) and `v` (its QuestionVersion,
// left-joined); shared by the run and the count the admin page shows, so the two never disagree.
import { Prisma } from '@/generated/prisma/client';
import { GRADER_REVISION } from '@/grading/grader-revision';

export type LiveVersion = { id: string; version: number };

const notTriedSql = (live: LiveVersion) => Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "AttemptRegrade" done
   WHERE done."attemptId" = a.id AND done."questionVersionId" = ${live.id}::uuid AND done."graderRevision" = ${GRADER_REVISION})`;

export const olderVersionSql = (live: LiveVersion) =>
  Prisma.sql`((v.version IS NULL OR v.version < ${live.version}::int) AND ${notTriedSql(live)})`;

export const earlierGraderSql = (live: LiveVersion) =>
  Prisma.sql`(v.version = ${live.version}::int AND (a.result->>'graderRevision') IS DISTINCT FROM ${GRADER_REVISION} AND ${notTriedSql(live)})`;

export const regradeEligibleSql = (live: LiveVersion) => Prisma.sql`${olderVersionSql(live)} OR ${earlierGraderSql(live)}`;
