// GET /api/admin/users[?q=&role=&page=]: accounts with role, status and number of attempts, a page
// at a time (admins only).
import { NextResponse } from 'next/server';
import { requireAdmin } from '@/server/auth';
import { parseSearchParams, route } from '@/server/http';
import { UserFiltersSchema } from '@/server/users/account-admin-schemas';
import { listUsers } from '@/server/users/list-users';

export const GET = route(async (request) => {
  await requireAdmin();
  return NextResponse.json(await listUsers({ input: parseSearchParams(request, UserFiltersSchema) }));
});
