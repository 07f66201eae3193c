// GET /api/admin/users: every account with its role and number of attempts (admins only).
import { NextResponse } from 'next/server';
import { requireAdmin } from '@/server/auth';
import { route } from '@/server/http';
import { listUsers } from '@/server/users/list-users';

export const GET = route(async () => {
  await requireAdmin();
  return NextResponse.json({ users: await listUsers() });
});
