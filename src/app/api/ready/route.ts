// GET /api/ready[?only=database,migrations]: 200 when every check passes, 503 otherwise; the body
// names each check either way. A check that could not run says so; why (an error that may name
// hosts and ports) is logged, and shown only with "Authorization: Bearer <METRICS_TOKEN>".
import { NextResponse } from 'next/server';
import { getReadiness, publicReadiness } from '@/server/health/get-readiness';
import { logger } from '@/server/observability/logger';
import { isMetricsRequestAllowed } from '@/server/observability/is-metrics-request-allowed';
import { ReadinessQuerySchema } from '@/server/health/schemas';
import { parseSearchParams, route } from '@/server/http';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const { only } = parseSearchParams(request, ReadinessQuerySchema);
  const readiness = await getReadiness({ only });
  const reasons = Object.entries(readiness.checks).filter(([, check]) => check?.reason !== undefined);
  if (reasons.length) logger.warn({ reasons: Object.fromEntries(reasons.map(([name, check]) => [name, check!.reason])) }, 'a readiness check could not run');
  const body = isMetricsRequestAllowed(request.headers.get('authorization')) ? readiness : publicReadiness(readiness);
  return NextResponse.json(body, { status: readiness.status === 'ready' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
