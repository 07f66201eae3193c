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
  // Questions this reader cannot see on any page: those beyond the preview (0 without a limit).
  locked: number;
  page: number;
  pageCount: number;
};

// A topic page lists this many questions at most; later ones are on ?page=2, 3 …
export const TOPIC_PAGE_SIZE = 50;

// `page` (from 1) picks a page of TOPIC_PAGE_SIZE. `limit` makes the list the anonymous preview:
// one page of at most `limit` questions. The count is always the total. A page past the last is
// empty, with the page asked for and a pageCount that says where the last one is, for members and
// the preview alike (an API client paging until a short page stops at the same place either way).
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
  const current = Math.max(1, Math.floor(page));
  const previewSize = limit === undefined ? undefined : Math.min(limit, TOPIC_PAGE_SIZE);
  const [questions, questionCount] = await Promise.all([
    // The preview is one page; past it there is nothing to read.
    previewSize !== undefined && current > 1
      ? []
      : db.question.findMany({
          where,
          // id last: a stable order, so no question shows on two pages or none.
          orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
          take: previewSize ?? TOPIC_PAGE_SIZE,
          skip: (current - 1) * TOPIC_PAGE_SIZE,
          select: questionSummarySelect,
        }),
    db.question.count({ where }),
  ]);
  const pageCount = previewSize !== undefined ? 1 : Math.max(1, Math.ceil(questionCount / TOPIC_PAGE_SIZE));
  const locked = previewSize !== undefined ? Math.max(0, questionCount - previewSize) : 0;
  return { ...topic, questions: questions.map(toQuestionSummary), questionCount, locked, page: current, pageCount };
}
