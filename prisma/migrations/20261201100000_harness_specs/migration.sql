-- Harness specs as data (docs/decisions/021): a code question version may store the spec its
-- harness is built from (the kit that reads it and the spec itself), so admins can edit a
-- question's tests in the admin area. NULL means the grader's built-in spec for the harness name.

-- AlterTable
ALTER TABLE "QuestionVersion" ADD COLUMN "harnessSpec" JSONB;
