// GET /api/health: the process is alive and serving. No database call: a liveness probe must not
// restart web pods because the database is down (readiness covers that).
import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

export function GET() {
  return NextResponse.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'Cache-Control': 'no-store' } });
}
