import { prisma, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { getTopic } from '@/server/topics/get-topic';
import type { QuestionSummary } from './question-summary';

// One page of a topic's questions (TOPIC_PAGE_SIZE), or the anonymous preview when `limit` is set.
export async function listQuestions(
  { topic, limit, page }: { topic: string; limit?: number; page?: number },
  db: DbClient = prisma,
): Promise<{ questions: QuestionSummary[]; total: number; page: number; pageCount: number }> {
  const found = await getTopic({ slug: topic, limit, page }, db);
  if (!found) throw new NotFoundError(`No topic "${topic}".`);
  return { questions: found.questions, total: found.questionCount, page: found.page, pageCount: found.pageCount };
}
