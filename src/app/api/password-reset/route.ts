// POST /api/password-reset { email }: "Forgot password?". 202 with the same answer whether or not
// the account exists; 400 when email is not set up (no SMTP_URL) or the email is malformed; 429
// when throttled.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { parseJsonBody, route } from '@/server/http';
import { requestPasswordReset } from '@/server/passwords/request-password-reset';

const address = (request: Request) =>
  request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || undefined;

export const POST = route(async (request) => {
  await requestPasswordReset({ input: await parseJsonBody(request, z.unknown()), address: address(request) });
  return NextResponse.json({ message: 'If an account uses that email, a reset link is on its way.' }, { status: 202 });
});
