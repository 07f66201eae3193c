-- Re-grading past attempts against a newer published version (docs/decisions/016): a run per
-- admin request, and one row per attempt it re-grades. Each row is its own small queue item
-- (claimed under a lease like a grading job) and, once done, keeps the attempt's previous grade
-- next to the new one.

-- CreateEnum
CREATE TYPE "RegradeState" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "RegradeRun" (
    "id" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "questionVersionId" UUID NOT NULL,
    "requestedById" UUID,
    "total" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegradeRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttemptRegrade" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "attemptId" UUID NOT NULL,
    "questionVersionId" UUID NOT NULL,
    "state" "RegradeState" NOT NULL DEFAULT 'QUEUED',
    "tries" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "workerId" TEXT,
    "lastError" TEXT,
    "previousStatus" "AttemptStatus",
    "previousScore" INTEGER,
    "previousResult" JSONB,
    "previousGradedVersion" TEXT,
    "previousQuestionVersionId" UUID,
    "status" "AttemptStatus",
    "score" INTEGER,
    "result" JSONB,
    "gradedVersion" TEXT,
    "regradedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AttemptRegrade_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegradeRun_questionId_createdAt_idx" ON "RegradeRun"("questionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AttemptRegrade_attemptId_questionVersionId_key" ON "AttemptRegrade"("attemptId", "questionVersionId");

-- CreateIndex
CREATE INDEX "AttemptRegrade_state_runAt_idx" ON "AttemptRegrade"("state", "runAt");

-- CreateIndex
CREATE INDEX "AttemptRegrade_runId_state_idx" ON "AttemptRegrade"("runId", "state");

-- AddForeignKey
ALTER TABLE "RegradeRun" ADD CONSTRAINT "RegradeRun_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeRun" ADD CONSTRAINT "RegradeRun_questionVersionId_fkey" FOREIGN KEY ("questionVersionId") REFERENCES "QuestionVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeRun" ADD CONSTRAINT "RegradeRun_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptRegrade" ADD CONSTRAINT "AttemptRegrade_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RegradeRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptRegrade" ADD CONSTRAINT "AttemptRegrade_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptRegrade" ADD CONSTRAINT "AttemptRegrade_questionVersionId_fkey" FOREIGN KEY ("questionVersionId") REFERENCES "QuestionVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptRegrade" ADD CONSTRAINT "AttemptRegrade_previousQuestionVersionId_fkey" FOREIGN KEY ("previousQuestionVersionId") REFERENCES "QuestionVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
