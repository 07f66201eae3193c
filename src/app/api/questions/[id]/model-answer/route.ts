// POST /api/questions/<id>/model-answer -> { modelAnswer, revealedAt }: the candidate asks to see
// the model answer; 422 until they have a graded attempt. The reveal is recorded.
import { NextResponse } from 'next/server';
import { uuidField } from '@/lib/uuid-field';
import { revealModelAnswer } from '@/server/attempts/reveal-model-answer';
import { requireUser } from '@/server/auth';
import { route } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (_request, { params }) => {
  const actor = await requireUser();
  const questionId = uuidField('A question id is a UUID.').parse((await params).id);
  return NextResponse.json(await revealModelAnswer({ actor, input: { questionId } }));
});
