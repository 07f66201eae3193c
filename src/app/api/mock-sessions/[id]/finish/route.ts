// POST /api/mock-sessions/<id>/finish { answers: [{ questionId, answer }] }
//   -> { id, graded, notGraded, withdrawn, lateSeconds }:
// ends the mock interview with the answers so far (by the candidate or at time-out); each answer
// becomes an attempt queued for grading, except those too short (notGraded) or to a question
// withdrawn meanwhile (withdrawn), kept on the session. lateSeconds > 0: the finish came after
// the time limit and its grace. Finishing again changes nothing.
import { NextResponse } from 'next/server';
import { requireUser } from '@/server/auth';
import { parseJsonBody, route } from '@/server/http';
import { finishMockSession } from '@/server/mock/finish-mock-session';
import { FINISH_MOCK_BODY_LIMIT_BYTES, FinishMockSchema, MockIdSchema } from '@/server/mock/schemas';

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireUser();
  const { id } = MockIdSchema.parse({ id: (await params).id });
  const body = await parseJsonBody(request, FinishMockSchema, { limit: FINISH_MOCK_BODY_LIMIT_BYTES });
  return NextResponse.json(await finishMockSession({ actor, input: { id, body } }));
});
