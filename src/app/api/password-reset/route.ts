// POST /api/password-reset { email }: "Forgot password?". 202 with the same answer whether or not
// the account exists; 400 when email is not set up (no SMTP_URL) or the email is malformed; 429
// when throttled (per email, and per client address as decision 008 reads it: a client cannot
// pick its own address with X-Forwarded-For to slip past the limit).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clientAddress } from '@/server/client-address';
import { parseJsonBody, route } from '@/server/http';
import { requestPasswordReset } from '@/server/passwords/request-password-reset';

export const POST = route(async (request) => {
  await requestPasswordReset({ input: await parseJsonBody(request, z.unknown()), address: clientAddress(request.headers) });
  return NextResponse.json({ message: 'If an account uses that email, a reset link is on its way.' }, { status: 202 });
});
