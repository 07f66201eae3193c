-- Run before Submit (issue 12): one row per run of a code answer's visible tests. It holds no
-- answer and no result (a run is not an attempt and never counts as practice); it exists so the
-- per-user limits (runs a minute, one at a time) hold across web processes.
CREATE TABLE "CodeRun" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CodeRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CodeRun_userId_createdAt_idx" ON "CodeRun"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "CodeRun" ADD CONSTRAINT "CodeRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeRun" ADD CONSTRAINT "CodeRun_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Mock interviews (issue 12): a timed set of questions of one topic. Its answers are ordinary
-- attempts that point at the session; deleting the session (or its user) leaves them as attempts.
CREATE TABLE "MockSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "topicId" UUID NOT NULL,
    "questionIds" TEXT[],
    "minutes" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    -- Answers kept but not graded (a written answer under the practice rule's word count), so
    -- nothing typed under the clock is lost: [{ "questionId", "answer", "reason" }].
    "notGraded" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "MockSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MockSession_userId_startedAt_idx" ON "MockSession"("userId", "startedAt");

-- AddForeignKey
ALTER TABLE "MockSession" ADD CONSTRAINT "MockSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MockSession" ADD CONSTRAINT "MockSession_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "mockSessionId" UUID;

-- CreateIndex
CREATE INDEX "Attempt_mockSessionId_idx" ON "Attempt"("mockSessionId");

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_mockSessionId_fkey" FOREIGN KEY ("mockSessionId") REFERENCES "MockSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;
