// Who may read why a readiness check failed: a driver's error names the database's host and port,
// so an anonymous probe gets the verdicts only; the operator (metrics token) and the log get the
// reason. The failure is injected at the database call; everything else is the real route.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET as ready } from '@/app/api/ready/route';
import { prisma } from '@/server/db';
import { logger } from '@/server/observability/logger';

const TOKEN = vi.hoisted(() => {
  const token = 'test-metrics-token-0123456789';
  process.env.METRICS_TOKEN = token;
  return token;
});

const REASON = "Can't reach database server at db.internal.example:5432";

afterEach(() => {
  vi.restoreAllMocks();
});

async function readyWith(headers: Record<string, string> = {}) {
  vi.spyOn(prisma, '$queryRaw').mockRejectedValue(new Error(REASON));
  const response = await ready(new Request('http://localhost/api/ready?only=database', { headers }), undefined);
  return { status: response.status, text: await response.text() };
}

describe('GET /api/ready when a check cannot run', () => {
  it('tells an anonymous probe which check failed, not where our database is', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const { status, text } = await readyWith();
    expect(status).toBe(503);
    expect(JSON.parse(text)).toEqual({
      status: 'not_ready',
      checks: { database: { ok: false, message: "the database check could not run; the reason is in the web server's log" } },
    });
    expect(text).not.toContain('db.internal.example');
    expect(warn).toHaveBeenCalledWith({ reasons: { database: REASON } }, 'a readiness check could not run');
  });

  it('gives the reason to a caller holding the metrics token, and not for a wrong one', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const operator = await readyWith({ authorization: `Bearer ${TOKEN}` });
    expect(JSON.parse(operator.text).checks.database).toMatchObject({ ok: false, reason: REASON });
    const guess = await readyWith({ authorization: 'Bearer not-the-token-0123456789' });
    expect(guess.text).not.toContain('db.internal.example');
  });
});
