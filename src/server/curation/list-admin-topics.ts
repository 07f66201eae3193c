import { prisma, type DbClient } from '@/server/db';

export type AdminTopic = {
  id: string;
  slug: string;
  name: string;
  description: string;
  published: boolean;
  questionCount: number;
  draftCount: number;
};

// Every topic that is not deleted, drafts included, with its question counts.
export async function listAdminTopics(db: DbClient = prisma): Promise<AdminTopic[]> {
  const topics = await db.topic.findMany({
    where: { deletedAt: null },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      published: true,
      questions: { where: { deletedAt: null }, select: { published: true } },
    },
  });
  return topics.map(({ questions, ...topic }) => ({
    ...topic,
    questionCount: questions.length,
    draftCount: questions.filter((q) => !q.published).length,
  }));
}
