-- Configuration answers (docs/decisions/019): a candidate submits a YAML manifest or workflow,
-- graded by a checker written for the question and run in the sandbox. Only a new answer kind;
-- nothing in this migration uses it, so it may run inside the runner's transaction.

-- AlterEnum
ALTER TYPE "AnswerKind" ADD VALUE 'CONFIG';
