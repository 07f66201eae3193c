import { prisma, type DbClient } from '@/server/db';
import { isSlug } from '@/server/questions/schemas';
import { questionSummarySelect, toQuestionSummary, type QuestionSummary } from '@/server/questions/question-summary';

export type TopicDetail = {
  id: string;
  slug: string;
  name: string;
  description: string;
  questions: QuestionSummary[];
  // All visible questions, including those beyond `limit` or this page.
  questionCount: number;
  page: number;
  pageCount: number;
};

// A topic page lists this many questions at most; later ones are on ?page=2, 3 …
export const TOPIC_PAGE_SIZE = 50;

// `limit` caps the questions returned (the anonymous preview: its first page only); otherwise
// `page` (from 1) picks a page of TOPIC_PAGE_SIZE. The count is always the total. A page past
// the last is empty (its pageCount says where the last one is).
export async function getTopic(
  { slug, limit, page = 1 }: { slug: string; limit?: number; page?: number },
  db: DbClient = prisma,
): Promise<TopicDetail | null> {
  if (!isSlug(slug)) return null;
  const topic = await db.topic.findFirst({
    where: { slug, published: true, deletedAt: null },
    select: { id: true, slug: true, name: true, description: true },
  });
  if (!topic) return null;
  const where = { topicId: topic.id, published: true, deletedAt: null };
  const preview = limit !== undefined;
  const current = preview ? 1 : Math.max(1, Math.floor(page));
  const [questions, questionCount] = await Promise.all([
    db.question.findMany({
      where,
      // id last: a stable order, so no question shows on two pages or none.
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: preview ? Math.min(limit, TOPIC_PAGE_SIZE) : TOPIC_PAGE_SIZE,
      skip: (current - 1) * TOPIC_PAGE_SIZE,
      select: questionSummarySelect,
    }),
    db.question.count({ where }),
  ]);
  const pageCount = preview ? 1 : Math.max(1, Math.ceil(questionCount / TOPIC_PAGE_SIZE));
  return { ...topic, questions: questions.map(toQuestionSummary), questionCount, page: current, pageCount };
}
