// DELETE /api/account { confirm: <your email> }: deletes the caller's account; their attempts are
// kept anonymised so public practice counts stay right.
import { NextResponse } from 'next/server';
import { DeleteAccountSchema, deleteAccount } from '@/server/account/delete-account';
import { requireUser } from '@/server/auth';
import { parseJsonBody, route } from '@/server/http';

export const DELETE = route(async (request) => {
  const actor = await requireUser();
  const input = await parseJsonBody(request, DeleteAccountSchema);
  return NextResponse.json(await deleteAccount({ actor, input }));
});
