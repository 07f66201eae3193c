// The admin Users page: accounts newest first, searched by email or name, a page at a time.
// Placeholders left by account deletion (their attempts, kept anonymously) are not accounts
// anyone can use or change, so they are not listed; only their number is given.
import type { Prisma } from '@/generated/prisma/client';
import { ANONYMOUS_EMAIL_DOMAIN } from '@/server/account/delete-account';
import { prisma, type DbClient } from '@/server/db';
import { likeLiteral } from '@/server/like-literal';
import { USERS_PAGE_SIZE, type UserFilters } from './account-admin-schemas';
import type { Role } from './schemas';

export type UserListItem = { id: string; email: string; name: string | null; role: Role; disabledAt: Date | null; createdAt: Date; attempts: number };

export async function listUsers(
  { input }: { input: UserFilters } = { input: { page: 1 } },
  db: DbClient = prisma,
): Promise<{ users: UserListItem[]; total: number; page: number; pageCount: number; deletedAccounts: number }> {
  const placeholders: Prisma.UserWhereInput = { email: { endsWith: `@${ANONYMOUS_EMAIL_DOMAIN}` } };
  // Matched as typed: a % or _ in the search is not a wildcard.
  const text = input.q ? likeLiteral(input.q) : null;
  const where: Prisma.UserWhereInput = {
    NOT: placeholders,
    ...(input.role ? { role: input.role } : {}),
    ...(text ? { OR: [{ email: { contains: text, mode: 'insensitive' } }, { name: { contains: text, mode: 'insensitive' } }] } : {}),
  };
  const [rows, total, deletedAccounts] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true, _count: { select: { attempts: true } } },
    }),
    db.user.count({ where }),
    db.user.count({ where: placeholders }),
  ]);
  return {
    users: rows.map(({ _count, ...u }) => ({ ...u, attempts: _count.attempts })),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    deletedAccounts,
  };
}
