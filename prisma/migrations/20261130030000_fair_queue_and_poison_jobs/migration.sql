-- Poison jobs: how many times grading this job crashed or froze its grading process.
ALTER TABLE "GradingJob" ADD COLUMN "crashes" INTEGER NOT NULL DEFAULT 0;

-- Per-user submission rate and pending counts look up a user's recent attempts.
CREATE INDEX "Attempt_userId_createdAt_idx" ON "Attempt"("userId", "createdAt");

-- Fair claiming: when each user last had a job claimed; the least recently served user goes next.
CREATE TABLE "GradingTurn" (
    "userId" UUID NOT NULL,
    "lastClaimedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GradingTurn_pkey" PRIMARY KEY ("userId")
);
