// POST /api/attempts { questionId, answer } -> 202 { id, status }: the answer is stored and queued;
// a worker grades it. Poll GET /api/attempts/<id> for the result.
import { NextResponse } from 'next/server';
import { createAttempt } from '@/server/attempts/create-attempt';
import { CreateAttemptSchema } from '@/server/attempts/schemas';
import { requireUser } from '@/server/auth';
import { parseJsonBody, route } from '@/server/http';

export const POST = route(async (request) => {
  const actor = await requireUser();
  const input = await parseJsonBody(request, CreateAttemptSchema);
  const attempt = await createAttempt({ actor, input });
  return NextResponse.json(attempt, { status: 202, headers: { Location: `/api/attempts/${attempt.id}` } });
});
