// "N practiced" for a set of questions, by primary key: the seeded count plus distinct users who
// practised there (the same sum as question-summary.ts), in one indexed query.
import { prisma, type DbClient } from '@/server/db';

export async function listPracticeCounts({ questionIds }: { questionIds: string[] }, db: DbClient = prisma): Promise<Map<string, number>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db.question.findMany({
    where: { id: { in: questionIds } },
    select: { id: true, seededPracticeCount: true, practicedByUsers: true },
  });
  return new Map(rows.map((r) => [r.id, r.seededPracticeCount + r.practicedByUsers]));
}
