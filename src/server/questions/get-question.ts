import { prisma, type DbClient } from '@/server/db';
import { isSlug } from './schemas';
import { questionSummarySelect, toQuestionSummary, visibleQuestion, type QuestionSummary } from './question-summary';

export type QuestionDetail = QuestionSummary & {
  topic: { slug: string; name: string };
  // 0-based place in its topic, for the sign-in gate's preview.
  position: number;
  tags: string[];
};

export async function getQuestion({ slug }: { slug: string }, db: DbClient = prisma): Promise<QuestionDetail | null> {
  if (!isSlug(slug)) return null;
  const question = await db.question.findFirst({
    where: { slug, ...visibleQuestion },
    select: { ...questionSummarySelect, tags: true, topicId: true, position: true, topic: { select: { slug: true, name: true } } },
  });
  if (!question) return null;
  const { topic, tags, topicId, position, ...row } = question;
  // Rank among visible questions (positions may have gaps after curation).
  const before = await db.question.count({
    where: { topicId, published: true, deletedAt: null, OR: [{ position: { lt: position } }, { position, slug: { lt: slug } }] },
  });
  return { ...toQuestionSummary(row), topic, tags: tags ?? [], position: before };
}
