// POST /api/password-reset/confirm { token, password }: uses a one-time reset link. 200 with the
// account's email (to sign in with); 400 when the link is invalid, used or expired, or the
// password breaks the rules.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { parseJsonBody, route } from '@/server/http';
import { resetPassword } from '@/server/passwords/reset-password';

export const POST = route(async (request) => {
  return NextResponse.json(await resetPassword({ input: await parseJsonBody(request, z.unknown()) }));
});
