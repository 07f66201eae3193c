import { describe, expect, it } from 'vitest';
import { isMetricsRequestAllowed } from '@/server/observability/is-metrics-request-allowed';
import { routeLabel } from '@/server/observability/metrics';

describe('routeLabel', () => {
  it('names API routes by shape so ids never become label values', () => {
    expect(routeLabel('/api/attempts/6f1c2f4e-9a1b-4c5d-8e7f-0123456789ab')).toBe('/api/attempts/:id');
    expect(routeLabel('/api/admin/questions/42/versions')).toBe('/api/admin/questions/:id/versions');
    expect(routeLabel(`/api/x/${'a'.repeat(60)}`)).toBe('/api/x/:id');
    expect(routeLabel('/api/topics')).toBe('/api/topics');
  });

  it('names dynamic segments by their parameter, a catch-all run once, from what the route was given', () => {
    expect(routeLabel('/api/admin/bundles/ops-basics', { slug: 'ops-basics' })).toBe('/api/admin/bundles/:slug');
    expect(routeLabel('/api/no/such/thing%20here', { unknown: ['no', 'such', 'thing here'] })).toBe('/api/:unknown*');
    expect(routeLabel('/api/auth/callback/credentials', { nextauth: ['callback', 'credentials'] })).toBe('/api/auth/:nextauth*');
  });
});

describe('isMetricsRequestAllowed', () => {
  const token = 'a-long-enough-metrics-token';
  it('needs a configured token and the same bearer token', () => {
    expect(isMetricsRequestAllowed(`Bearer ${token}`, token)).toBe(true);
    expect(isMetricsRequestAllowed(`Bearer ${token}x`, token)).toBe(false);
    expect(isMetricsRequestAllowed(token, token)).toBe(false);
    expect(isMetricsRequestAllowed(null, token)).toBe(false);
    expect(isMetricsRequestAllowed(`Bearer ${token}`, undefined)).toBe(false);
  });
});
