-- Poison jobs: how many times grading this job crashed or froze its grading process.
ALTER TABLE "GradingJob" ADD COLUMN "crashes" INTEGER NOT NULL DEFAULT 0;

-- Per-user submission rate and pending counts look up a user's recent attempts.
CREATE INDEX "Attempt_userId_createdAt_idx" ON "Attempt"("userId", "createdAt");
