// POST /api/runs { questionId, answer } -> 200 { status, message, tests, advice, durationMs }:
// Run before Submit. Runs a code answer against the question's visible tests only and answers
// their results; nothing is stored as an attempt and nothing counts as practice. 429 (with
// Retry-After) past the per-user limits, 503 when this server's runs are all busy.
import { NextResponse } from 'next/server';
import { requireUser } from '@/server/auth';
import { parseJsonBody, route } from '@/server/http';
import { runVisibleTests } from '@/server/runs/run-visible-tests';
import { RunVisibleTestsSchema } from '@/server/runs/schemas';

export const POST = route(async (request) => {
  const actor = await requireUser();
  const input = await parseJsonBody(request, RunVisibleTestsSchema);
  return NextResponse.json(await runVisibleTests({ actor, input }));
});
