// GET /api/admin/questions/<id>/harness-spec: the spec the newest version is graded with
// ({ version, spec: { kit, spec }, isBuiltIn }). PUT with the spec document as the JSON body (or
// GET's answer sent back, or its `spec` member): saves it as the newest version's (a published version gets a new draft), to be validated before
// publishing. 400 naming the field for bad JSON or a spec the kit refuses (docs/decisions/021);
// 409 when GET's answer comes back with a `revision` someone else's save has since replaced.
import { NextResponse } from 'next/server';
import { MAX_HARNESS_SPEC_BYTES } from '@/grading/harnesses/harness-spec';
import { requireAdmin } from '@/server/auth';
import { getHarnessSpec } from '@/server/curation/get-harness-spec';
import { saveHarnessSpec } from '@/server/curation/save-harness-spec';
import { IdSchema } from '@/server/curation/schemas';
import { readBodyText, route } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (_request, { params }) => {
  await requireAdmin();
  const questionId = IdSchema.parse((await params).id);
  return NextResponse.json(await getHarnessSpec({ input: { questionId } }));
});

export const PUT = route<Context>(async (request, { params }) => {
  const actor = await requireAdmin();
  const questionId = IdSchema.parse((await params).id);
  // Pretty-printed JSON may be several times the compact size the spec is capped at.
  const specText = await readBodyText(request, 4 * MAX_HARNESS_SPEC_BYTES);
  return NextResponse.json(await saveHarnessSpec({ actor, input: { questionId, specText } }));
});
