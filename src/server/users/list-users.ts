import { prisma, type DbClient } from '@/server/db';
import type { Role } from './schemas';

export type UserListItem = { id: string; email: string; name: string | null; role: Role; createdAt: Date; attempts: number };

export async function listUsers(db: DbClient = prisma): Promise<UserListItem[]> {
  const users = await db.user.findMany({
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: { id: true, email: true, name: true, role: true, createdAt: true, _count: { select: { attempts: true } } },
  });
  return users.map(({ _count, ...u }) => ({ ...u, attempts: _count.attempts }));
}
