// POST /api/account/password { currentPassword, newPassword }: changes the signed-in user's
// password. 200; 400 with `fields` (a wrong current password is a field error); 429 after repeated
// wrong current passwords (the sign-in throttle's counters); 401 signed out.
// Every session of the account ends: the browser signs in again with the new password.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireUser } from '@/server/auth';
import { clientAddress } from '@/server/client-address';
import { parseJsonBody, route } from '@/server/http';
import { changePassword } from '@/server/passwords/change-password';

export const POST = route(async (request) => {
  const actor = await requireUser();
  // The verb parses (and checks the current password) so every field message comes from one place.
  await changePassword({ actor, input: await parseJsonBody(request, z.unknown()), address: clientAddress(request.headers) });
  return NextResponse.json({ ok: true });
});
