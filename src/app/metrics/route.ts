// GET /metrics: Prometheus exposition of this web process, for a scraper holding METRICS_TOKEN.
import { NextResponse } from 'next/server';
import { env } from '@/server/env';
import { isMetricsRequestAllowed } from '@/server/observability/is-metrics-request-allowed';
import { renderMetrics } from '@/server/observability/metrics';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  if (!env.METRICS_TOKEN) {
    return NextResponse.json({ error: 'Metrics are off. Set METRICS_TOKEN to serve them.' }, { status: 404 });
  }
  if (!isMetricsRequestAllowed(request.headers.get('authorization'))) {
    return NextResponse.json({ error: 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
