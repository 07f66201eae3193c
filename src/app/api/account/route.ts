// GET /api/account: who is signed in (name, email, role), for the parts of a cached page that
// name the reader (components/layout/viewer-identity.tsx).
// DELETE /api/account { confirm: <your email> }: deletes the caller's account; their attempts are
// kept anonymised so public practice counts stay right.
import { NextResponse } from 'next/server';
import { DeleteAccountSchema, deleteAccount } from '@/server/account/delete-account';
import { requireUser } from '@/server/auth';
import { PRIVATE_CACHE_CONTROL } from '@/server/cache/public-cache-control';
import { parseJsonBody, route } from '@/server/http';

export const GET = route(async () => {
  const { name, email, role } = await requireUser();
  return NextResponse.json({ user: { name, email, role } }, { headers: { 'Cache-Control': PRIVATE_CACHE_CONTROL } });
});

export const DELETE = route(async (request) => {
  const actor = await requireUser();
  const input = await parseJsonBody(request, DeleteAccountSchema);
  return NextResponse.json(await deleteAccount({ actor, input }));
});
