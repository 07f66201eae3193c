import { prisma, type DbClient } from '@/server/db';
import { questionSummarySelect, toQuestionSummary, type QuestionSummary } from '@/server/questions/question-summary';

export type TopicDetail = {
  id: string;
  slug: string;
  name: string;
  description: string;
  questions: QuestionSummary[];
  // All visible questions, including those beyond `limit`.
  questionCount: number;
};

// `limit` caps the questions returned (the anonymous preview); the count is always the total.
export async function getTopic(
  { slug, limit }: { slug: string; limit?: number },
  db: DbClient = prisma,
): Promise<TopicDetail | null> {
  const topic = await db.topic.findFirst({
    where: { slug, published: true, deletedAt: null },
    select: { id: true, slug: true, name: true, description: true },
  });
  if (!topic) return null;
  const where = { topicId: topic.id, published: true, deletedAt: null };
  const [questions, questionCount] = await Promise.all([
    db.question.findMany({
      where,
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      take: limit,
      select: questionSummarySelect,
    }),
    db.question.count({ where }),
  ]);
  return { ...topic, questions: questions.map(toQuestionSummary), questionCount };
}
