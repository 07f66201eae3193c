// POST /api/admin/bundles[?onOtherTopic=refuse|copy] (body: a rehearse-bundle JSON document):
// imports it in one transaction. 200 with a summary (what happened to each question); 400 with
// `errors`, one line per problem, named by its path in the file. Questions that belong to another
// topic are refused (the default) or imported as copies, never moved. New code material is
// validated on the run pool (the runner), not in the web process.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireAdmin } from '@/server/auth';
import { importBundleOnRunPool } from '@/server/bundles/import-bundle';
import { OtherTopicPolicySchema } from '@/server/bundles/schemas';
import { parseJsonBody, parseSearchParams, route } from '@/server/http';

const QuerySchema = z.object({ onOtherTopic: OtherTopicPolicySchema.default('refuse') });

const BUNDLE_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export const POST = route(async (request) => {
  const actor = await requireAdmin();
  const { onOtherTopic } = parseSearchParams(request, QuerySchema);
  // The verb validates the bundle itself, so its errors can name paths in the file. A bundle is
  // larger than other JSON bodies, so it gets its own limit.
  const bundle = await parseJsonBody(request, z.unknown(), { limit: BUNDLE_BODY_LIMIT_BYTES });
  return NextResponse.json({ summary: await importBundleOnRunPool({ actor, input: bundle, onOtherTopic }) });
});
