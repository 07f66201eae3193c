// GET /api/roles: the roles of the bank, each with its number of published topics.
import { NextResponse } from 'next/server';
import { route } from '@/server/http';
import { listRoles } from '@/server/taxonomy/list-roles';

export const GET = route(async () => {
  const roles = await listRoles();
  return NextResponse.json({ roles });
});
