import { prisma, type DbClient } from '@/server/db';

export type BankStats = { topics: number; questions: number; drafts: number; users: number; attempts: number };

export async function getBankStats(db: DbClient = prisma): Promise<BankStats> {
  const [topics, questions, drafts, users, attempts] = await Promise.all([
    db.topic.count({ where: { deletedAt: null } }),
    db.question.count({ where: { deletedAt: null } }),
    db.question.count({ where: { deletedAt: null, published: false } }),
    db.user.count(),
    db.attempt.count(),
  ]);
  return { topics, questions, drafts, users, attempts };
}
