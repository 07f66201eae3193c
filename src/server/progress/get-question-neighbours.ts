// The previous and next visible questions in a question's topic, in topic order.
import { prisma, type DbClient } from '@/server/db';

type Neighbour = { slug: string; prompt: string } | null;

export async function getQuestionNeighbours(
  { input }: { input: { questionId: string } },
  db: DbClient = prisma,
): Promise<{ previous: Neighbour; next: Neighbour }> {
  const question = await db.question.findUnique({ where: { id: input.questionId }, select: { topicId: true } });
  if (!question) return { previous: null, next: null };
  const siblings = await db.question.findMany({
    where: { topicId: question.topicId, published: true, deletedAt: null },
    orderBy: [{ position: 'asc' }, { slug: 'asc' }],
    select: { id: true, slug: true, prompt: true },
  });
  const at = siblings.findIndex((q) => q.id === input.questionId);
  const pick = (i: number) => (i >= 0 && i < siblings.length ? { slug: siblings[i]!.slug, prompt: siblings[i]!.prompt } : null);
  return at < 0 ? { previous: null, next: null } : { previous: pick(at - 1), next: pick(at + 1) };
}
