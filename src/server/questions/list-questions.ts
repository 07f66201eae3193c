import { prisma, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { getTopic } from '@/server/topics/get-topic';
import type { QuestionSummary } from './question-summary';

export async function listQuestions(
  { topic, limit }: { topic: string; limit?: number },
  db: DbClient = prisma,
): Promise<{ questions: QuestionSummary[]; total: number }> {
  const found = await getTopic({ slug: topic, limit }, db);
  if (!found) throw new NotFoundError(`No topic "${topic}".`);
  return { questions: found.questions, total: found.questionCount };
}
