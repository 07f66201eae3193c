// Behind HTTPS (NEXTAUTH_URL=https://…, see README "Security") next-auth's cookies are Secure and
// host-locked; over plain HTTP in development they cannot be, or the browser would drop them.
import { call } from './route-harness';
import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/auth/[...nextauth]/route';

const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved;
});

const csrfCookies = async () => {
  const response = await call(GET as never, { method: 'GET', path: '/api/auth/csrf', params: { nextauth: ['csrf'] } });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie();
};

describe('next-auth cookies', () => {
  it('are Secure and __Host- prefixed when the app is served over HTTPS', async () => {
    process.env.NEXTAUTH_URL = 'https://rehearse.example';
    const cookies = await csrfCookies();
    expect(cookies.some((c) => c.startsWith('__Host-next-auth.csrf-token=') && /;\s*Secure/i.test(c))).toBe(true);
  });

  it('are plain over HTTP', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    const cookies = await csrfCookies();
    expect(cookies.some((c) => c.startsWith('next-auth.csrf-token=') && !/;\s*Secure/i.test(c))).toBe(true);
  });
});
