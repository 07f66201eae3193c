// GET /api/ready[?only=database,migrations]: 200 when every check passes, 503 otherwise; the body
// names each check either way.
import { NextResponse } from 'next/server';
import { getReadiness } from '@/server/health/get-readiness';
import { ReadinessQuerySchema } from '@/server/health/schemas';
import { parseSearchParams, route } from '@/server/http';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const { only } = parseSearchParams(request, ReadinessQuerySchema);
  const readiness = await getReadiness({ only });
  return NextResponse.json(readiness, { status: readiness.status === 'ready' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
