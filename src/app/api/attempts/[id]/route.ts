// GET /api/attempts/<id>: status and result, for its owner only (404 for anyone else).
// GET /api/attempts/<id>?wait=N (N ≤ 25): the same, but answered as soon as the attempt is graded,
// or after N seconds with it still QUEUED or RUNNING (a long-poll: the result is pushed).
// PATCH /api/attempts/<id> { recall }: the candidate's own recall rating of a graded attempt.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { uuidField } from '@/lib/uuid-field';
import { getAttempt } from '@/server/attempts/get-attempt';
import { saveRecall } from '@/server/attempts/save-recall';
import { AttemptWaitQuerySchema, RecallSchema } from '@/server/attempts/schemas';
import { waitForAttempt } from '@/server/attempts/wait-for-attempt';
import { requireUser } from '@/server/auth';
import { parseJsonBody, parseSearchParams, route } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

const IdSchema = uuidField('An attempt id is a UUID.');

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireUser();
  const id = IdSchema.parse((await params).id);
  const { wait } = parseSearchParams(request, AttemptWaitQuerySchema);
  const attempt = wait ? await waitForAttempt({ actor, input: { id, waitSeconds: wait }, signal: request.signal }) : await getAttempt({ actor, input: { id } });
  return NextResponse.json({ attempt });
});

export const PATCH = route<Context>(async (request, { params }) => {
  const actor = await requireUser();
  const id = IdSchema.parse((await params).id);
  const { recall } = await parseJsonBody(request, z.object({ recall: RecallSchema }));
  return NextResponse.json({ attempt: await saveRecall({ actor, input: { id, recall } }) });
});
