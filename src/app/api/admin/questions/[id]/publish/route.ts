// POST /api/admin/questions/<id>/publish: publishes the newest version and the question.
// 409 with the reason unless that version's current material passed validation.
import { NextResponse } from 'next/server';
import { requireAdmin } from '@/server/auth';
import { IdSchema } from '@/server/curation/schemas';
import { publishQuestion } from '@/server/curation/publish-question';
import { route } from '@/server/http';

export const POST = route<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requireAdmin();
  const questionId = IdSchema.parse((await params).id);
  return NextResponse.json(await publishQuestion({ actor, input: { questionId } }));
});
