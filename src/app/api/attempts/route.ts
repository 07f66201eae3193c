// POST /api/attempts { questionId, answer } -> 202 { id, status }: the answer is stored and queued;
// a worker grades it. Poll GET /api/attempts/<id> for the result. A written answer under
// MIN_WRITTEN_ANSWER_WORDS words gets 400 with a message saying so (src/lib/practice-rule.ts).
import { NextResponse } from 'next/server';
import { submitAnswer } from '@/server/attempts/submit-answer';
import { CreateAttemptSchema } from '@/server/attempts/schemas';
import { startUserCheck } from '@/server/auth';
import { parseJsonBody, route } from '@/server/http';

export const POST = route(async (request) => {
  // The session's database check runs beside the question's lookups; submitAnswer awaits it first.
  const { user } = await startUserCheck();
  // An ended session gets its 401 before a malformed or oversized body gets its 400 or 413.
  const input = await parseJsonBody(request, CreateAttemptSchema).catch(async (error: unknown) => {
    await user;
    throw error;
  });
  const attempt = await submitAnswer({ actor: user, input });
  return NextResponse.json(attempt, { status: 202, headers: { Location: `/api/attempts/${attempt.id}` } });
});
