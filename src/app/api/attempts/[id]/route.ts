// GET /api/attempts/<id>: status and result, for its owner only (404 for anyone else).
// PATCH /api/attempts/<id> { recall }: the candidate's own recall rating of a graded attempt.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getAttempt } from '@/server/attempts/get-attempt';
import { saveRecall } from '@/server/attempts/save-recall';
import { RecallSchema } from '@/server/attempts/schemas';
import { requireUser } from '@/server/auth';
import { parseJsonBody, route } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

const IdSchema = z.uuid({ error: 'An attempt id is a UUID.' });

export const GET = route<Context>(async (_request, { params }) => {
  const actor = await requireUser();
  const id = IdSchema.parse((await params).id);
  return NextResponse.json({ attempt: await getAttempt({ actor, input: { id } }) });
});

export const PATCH = route<Context>(async (request, { params }) => {
  const actor = await requireUser();
  const id = IdSchema.parse((await params).id);
  const { recall } = await parseJsonBody(request, z.object({ recall: RecallSchema }));
  return NextResponse.json({ attempt: await saveRecall({ actor, input: { id, recall } }) });
});
