// The admin Users search takes text from the address: a NUL (which Postgres cannot compare) is a
// 400 naming the search, not a 500, and % and _ match themselves instead of acting as wildcards.
import { call, harness } from '../http/route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as listUsersRoute } from '@/app/api/admin/users/route';
import { prisma } from '@/server/db';
import { UserFiltersSchema } from '@/server/users/account-admin-schemas';
import { listUsers } from '@/server/users/list-users';
import { resetDatabase } from '../../support/reset-database';

beforeEach(async () => {
  await resetDatabase();
  const admin = await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } });
  harness.user = { id: admin.id };
  await prisma.user.createMany({
    data: [
      { email: 'new2@example.com', name: 'Newton' },
      { email: 'new_hire@example.com', name: null },
      { email: 'percent@example.com', name: '100% uptime' },
      { email: 'back@example.com', name: 'C:\\ops' },
    ],
  });
});

const search = (q: string) => call(listUsersRoute as never, { method: 'GET', path: '/api/admin/users', params: {}, query: `?q=${q}` });
const emails = async (q: string) => (await listUsers({ input: UserFiltersSchema.parse({ q }) })).users.map((u) => u.email).sort();

describe('GET /api/admin/users?q=', () => {
  it('answers 400 naming the search for a NUL or another control character', async () => {
    for (const [q, found] of [['%00', 'a NUL character (U+0000)'], ['ops%01', 'a control character (U+0001)']]) {
      const response = await search(q!);
      expect(response.status).toBe(400);
      expect((await response.json()).fields).toEqual({ q: `The search contains ${found} on line 1, column ${q === '%00' ? 1 : 4}; remove it and try again.` });
    }
  });

  it('says a page is a whole number when it is not', async () => {
    const response = await call(listUsersRoute as never, { method: 'GET', path: '/api/admin/users', params: {}, query: '?page=1.5' });
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({ page: 'A page is a whole number.' });
  });

  it('matches % and _ literally', async () => {
    const response = await search('%25');
    expect(response.status).toBe(200);
    expect((await response.json()).users.map((u: { email: string }) => u.email)).toEqual(['percent@example.com']);
    expect(await emails('new_')).toEqual(['new_hire@example.com']);
    expect(await emails('_')).toEqual(['new_hire@example.com']);
    expect(await emails('C:\\')).toEqual(['back@example.com']);
    expect(await emails('NEW')).toEqual(['new2@example.com', 'new_hire@example.com']);
  });
});
