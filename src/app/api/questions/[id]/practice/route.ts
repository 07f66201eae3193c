// GET /api/questions/<id>/practice[?attempt=<id>]: the caller's own part of the question page
// (their attempts, the one to restore, the model answer once revealed), for a page that came from
// the member copy of the page cache (docs/decisions/017).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { uuidField } from '@/lib/uuid-field';
import { requireUser } from '@/server/auth';
import { PRIVATE_CACHE_CONTROL } from '@/server/cache/public-cache-control';
import { parseSearchParams, route } from '@/server/http';
import { readPracticeState } from '@/server/questions/read-practice-state';

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireUser();
  const questionId = uuidField('A question id is a UUID.').parse((await params).id);
  // An unknown or foreign attempt id falls back to the latest attempt, as on the page.
  const { attempt: wanted } = parseSearchParams(request, z.object({ attempt: z.string().optional() }));
  const state = await readPracticeState({ actor, input: { questionId, wanted } });
  return NextResponse.json(state, { headers: { 'Cache-Control': PRIVATE_CACHE_CONTROL } });
});
