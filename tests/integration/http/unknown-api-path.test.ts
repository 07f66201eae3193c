// An /api path no route handles (/api itself included) answers a JSON 404 for every method, not
// the HTML page, and is counted under the catch-all's one route label, whatever the status: made-up
// paths must not each add a metrics series (a 403 for a cross-site write was labelled by its path
// too). The real routing of /api to this handler is checked against the built app in
// e2e/api-error-shapes.spec.ts.
import { call, harness, ORIGIN } from './route-harness';
import { describe, expect, it } from 'vitest';
import * as unknown from '@/app/api/[[...unknown]]/route';
import { metrics } from '@/server/observability/metrics';

const routeLabels = async () => (await metrics.httpDuration.get()).values.map((v) => String(v.labels.route));

describe('an unknown /api path', () => {
  it('answers 404 with a JSON error for every method', async () => {
    harness.user = null;
    for (const [method, handler] of [['GET', unknown.GET], ['POST', unknown.POST], ['PUT', unknown.PUT], ['PATCH', unknown.PATCH], ['DELETE', unknown.DELETE], ['OPTIONS', unknown.OPTIONS]] as const) {
      const response = await call(handler as never, { method, path: '/api/no-such-thing/here', params: { unknown: ['no-such-thing', 'here'] }, headers: { 'content-type': 'application/json', origin: ORIGIN }, body: method === 'GET' || method === 'OPTIONS' ? undefined : '{}' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await response.json()).error).toBe('There is no API at /api/no-such-thing/here. See the README for the routes Rehearse serves.');
    }
  });

  it('includes /api itself, with no segment after it', async () => {
    harness.user = null;
    for (const [method, handler] of [['GET', unknown.GET], ['POST', unknown.POST], ['DELETE', unknown.DELETE], ['OPTIONS', unknown.OPTIONS]] as const) {
      const response = await call(handler as never, { method, path: '/api', params: {}, headers: { 'content-type': 'application/json', origin: ORIGIN }, body: method === 'POST' ? '{}' : undefined });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'There is no API at /api. See the README for the routes Rehearse serves.' });
    }
  });

  it('counts every made-up path under one label, whatever the path or the status', async () => {
    await call(unknown.GET as never, { method: 'GET', path: '/api/made-up-1', params: { unknown: ['made-up-1'] } });
    await call(unknown.GET as never, { method: 'GET', path: '/api/topics/no-such-topic/xyz', params: { unknown: ['topics', 'no-such-topic', 'xyz'] } });
    // A write without an Origin is refused (403) before the handler runs: labelled the same.
    const refused = await call(unknown.POST as never, { method: 'POST', path: '/api/made-up-2/x', params: { unknown: ['made-up-2', 'x'] }, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(403);
    const labels = await routeLabels();
    expect(labels).toContain('/api/:unknown*');
    expect(labels.filter((l) => l.includes('made-up') || l.includes('no-such'))).toEqual([]);
  });
});
