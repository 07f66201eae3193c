// GET /api/questions/<id>/attempts: the caller's own attempts on a question, newest first.
import { NextResponse } from 'next/server';
import { uuidField } from '@/lib/uuid-field';
import { listAttempts } from '@/server/attempts/list-attempts';
import { requireUser } from '@/server/auth';
import { route } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (_request, { params }) => {
  const actor = await requireUser();
  const questionId = uuidField('A question id is a UUID.').parse((await params).id);
  return NextResponse.json({ attempts: await listAttempts({ actor, input: { questionId } }) });
});
