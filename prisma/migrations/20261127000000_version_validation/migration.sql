-- AlterTable
ALTER TABLE "QuestionVersion" ADD COLUMN     "validation" JSONB,
ADD COLUMN     "validationResult" JSONB,
ADD COLUMN     "validatedAt" TIMESTAMP(3);
