-- The slug the seeds know a topic or question by (docs/decisions/003, "Re-seeding after a rename"):
-- an admin may rename a seeded row's slug, and `npm run db:seed` must still find it instead of
-- adding a second copy under the old slug. NULL for existing rows and for rows admins made; the
-- seeder claims a row still at a seed's slug the first time it meets it.

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN "seedSlug" TEXT;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN "seedSlug" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Topic_seedSlug_key" ON "Topic"("seedSlug");

-- CreateIndex
CREATE UNIQUE INDEX "Question_seedSlug_key" ON "Question"("seedSlug");
