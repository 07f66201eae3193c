-- What `npm run db:seed` last wrote to the fields the seeds own (docs/decisions/003, "Re-seeding
-- keeps admins' edits"): a re-seed applies a new seed value only where the field still holds the
-- seeds' last one. NULL for existing rows: the seeder then takes a field as the seeds' own only
-- where it equals the seed's current value, and otherwise keeps it.

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN "seededFields" JSONB;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN "seededFields" JSONB;
