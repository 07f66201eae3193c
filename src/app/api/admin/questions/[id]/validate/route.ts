// POST /api/admin/questions/<id>/validate: runs the newest version's validation material through
// the graders (code in the sandbox) and stores the outcome. 200 { version, outcome } either way:
// a failed validation is a result, not an error. The code runs on the run pool (the runner), not
// in the web process.
import { NextResponse } from 'next/server';
import { requireAdmin } from '@/server/auth';
import { IdSchema } from '@/server/curation/schemas';
import { validateQuestionOnRunPool } from '@/server/curation/validate-question';
import { route } from '@/server/http';

export const POST = route<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireAdmin();
  const questionId = IdSchema.parse((await params).id);
  return NextResponse.json(await validateQuestionOnRunPool({ actor, input: { questionId } }));
});
