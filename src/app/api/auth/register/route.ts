// POST /api/auth/register { email, password, name? } -> 201 { user } | 400 field messages | 409 taken
import { NextResponse } from 'next/server';
import { parseJsonBody, route } from '@/server/http';
import { createUser } from '@/server/users/create-user';
import { RegisterSchema } from '@/server/users/schemas';

export const POST = route(async (request) => {
  const input = await parseJsonBody(request, RegisterSchema);
  const user = await createUser({ input });
  return NextResponse.json({ user: { id: user.id, email: user.email, name: user.name } }, { status: 201 });
});
