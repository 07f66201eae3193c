-- The catalog at scale (10 000 questions in 100 topics, tests/integration/ops/bank-scale.test.ts):
-- the home page counts each topic's visible questions; with this partial index that count is an
-- index-only scan of the visible questions' topic ids instead of a sequential scan of "Question".
CREATE INDEX "Question_visible_topicId_idx" ON "Question" ("topicId") WHERE "published" AND "deletedAt" IS NULL;
