// GET /api/admin/bundles/<topic-slug>: the topic as a rehearse-bundle JSON file to download.
import { requireAdmin } from '@/server/auth';
import { exportBundle, serializeBundle } from '@/server/bundles/export-bundle';
import { route } from '@/server/http';
import { SlugSchema } from '@/server/questions/schemas';

export const GET = route<{ params: Promise<{ slug: string }> }>(async (_request, { params }) => {
  await requireAdmin();
  const slug = SlugSchema.parse((await params).slug);
  const bundle = await exportBundle({ input: { slug } });
  return new Response(serializeBundle(bundle), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="rehearse-${slug}.json"`,
      'Cache-Control': 'no-store',
    },
  });
});
