-- CreateTable: model answers a candidate asked to see.
CREATE TABLE "AnswerReveal" (
    "userId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "revealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerReveal_pkey" PRIMARY KEY ("userId","questionId")
);

-- AddForeignKey
ALTER TABLE "AnswerReveal" ADD CONSTRAINT "AnswerReveal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerReveal" ADD CONSTRAINT "AnswerReveal_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Full-text search over question prompts and tags (src/server/search). The document is an
-- expression, not a column, so the Prisma schema needs no unsupported type; the function is
-- IMMUTABLE (a fixed text search configuration) so a GIN index can be built on it. Tags weigh
-- more than the prompt.
CREATE FUNCTION question_search_document(prompt TEXT, tags TEXT[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'A')
            || setweight(to_tsvector('english'::regconfig, coalesce(prompt, '')), 'B') $$;

-- CreateIndex
CREATE INDEX "Question_search_idx" ON "Question" USING GIN (question_search_document("prompt", "tags"));

-- CreateTable: spaced review cards (FSRS).
CREATE TABLE "ReviewCard" (
    "userId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "card" JSONB NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "pulledForwardBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewCard_pkey" PRIMARY KEY ("userId","questionId")
);

-- CreateIndex
CREATE INDEX "ReviewCard_userId_due_idx" ON "ReviewCard"("userId", "due");

-- AddForeignKey
ALTER TABLE "ReviewCard" ADD CONSTRAINT "ReviewCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCard" ADD CONSTRAINT "ReviewCard_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
