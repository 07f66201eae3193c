-- A re-grade can target the grader revision as well as the question version (docs/decisions/023):
-- a checker corrected under the same harness version reaches past attempts when an admin re-grades,
-- so an attempt may be re-graded more than once under one version, once per grader revision.
-- '' stands for the re-grades made before revisions were recorded.

-- AlterTable
ALTER TABLE "RegradeRun" ADD COLUMN "graderRevision" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "AttemptRegrade" ADD COLUMN "graderRevision" TEXT NOT NULL DEFAULT '';

-- DropIndex
DROP INDEX "AttemptRegrade_attemptId_questionVersionId_key";

-- CreateIndex
CREATE UNIQUE INDEX "AttemptRegrade_attemptId_questionVersionId_graderRevision_key" ON "AttemptRegrade"("attemptId", "questionVersionId", "graderRevision");
