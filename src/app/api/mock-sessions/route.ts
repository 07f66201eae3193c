// POST /api/mock-sessions { topicId, length: short | standard | long } -> 201 { id }: starts a
// timed mock interview of that topic's questions; the page /mock/<id> runs it.
import { NextResponse } from 'next/server';
import { requireUser } from '@/server/auth';
import { parseJsonBody, route } from '@/server/http';
import { StartMockSchema } from '@/server/mock/schemas';
import { startMockSession } from '@/server/mock/start-mock-session';

export const POST = route(async (request) => {
  const actor = await requireUser();
  const input = await parseJsonBody(request, StartMockSchema);
  const session = await startMockSession({ actor, input });
  return NextResponse.json(session, { status: 201, headers: { Location: `/mock/${session.id}` } });
});
