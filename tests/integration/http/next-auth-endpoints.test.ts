// next-auth's own endpoints answer as the rest of the API does: JSON errors a person can read,
// and our pages (not next-auth's built-in HTML) for its errors, sign-out confirmation and
// verify-request.
import { call, harness, ORIGIN } from './route-harness';
import { afterEach, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/auth/[...nextauth]/route';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

const FORM = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };

// Next.js hands a HEAD to the GET handler, as here.
async function request(method: 'GET' | 'HEAD' | 'POST', urlPath: string, body?: string) {
  const [pathname, search] = urlPath.split('?');
  const nextauth = pathname!.split('/').slice(3);
  return call((method === 'POST' ? POST : GET) as never, { method, path: pathname!, query: search ? `?${search}` : '', params: { nextauth }, body, headers: FORM });
}

describe('next-auth endpoints', () => {
  it('answer an action they do not have with a JSON 404, not text/plain', async () => {
    for (const [method, path] of [['GET', '/api/auth/nope'], ['POST', '/api/auth/nope'], ['GET', '/api/auth/callback/github']] as const) {
      const response = await request(method, path, method === 'POST' ? '' : undefined);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await response.json()).error).toBe(`There is no sign-in endpoint for ${method} ${path}.`);
    }
  });

  it('answer a session update without its CSRF token with a JSON 400, not "[object Object]"', async () => {
    const response = await request('POST', '/api/auth/session', 'data=x');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await response.json()).error).toMatch(/could not read this request/);
  });

  it('send their errors to the sign-in page, which explains them', async () => {
    const response = await request('GET', '/api/auth/error?error=AccessDenied');
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location')!, ORIGIN).pathname + new URL(response.headers.get('location')!, ORIGIN).search).toBe('/sign-in?error=AccessDenied');
  });

  it('ask for sign-out confirmation and verify-request on our pages', async () => {
    const signOut = await request('GET', '/api/auth/signout');
    expect(signOut.status).toBe(302);
    expect(new URL(signOut.headers.get('location')!, ORIGIN).pathname).toBe('/sign-out');
    const verify = await request('GET', '/api/auth/verify-request');
    expect(verify.status).toBe(302);
    expect(new URL(verify.headers.get('location')!, ORIGIN).pathname).toBe('/sign-in');
  });

  it('still answer what they do have', async () => {
    const csrf = await request('GET', '/api/auth/csrf');
    expect(csrf.status).toBe(200);
    expect(typeof (await csrf.json()).csrfToken).toBe('string');
  });
});

describe('the session endpoint', () => {
  afterEach(() => {
    harness.user = null;
  });

  async function signedIn() {
    await resetDatabase();
    const { id } = await prisma.user.create({ data: { email: 'ada@example.com', name: 'Ada' }, select: { id: true } });
    harness.user = { id, name: 'Ada', email: 'ada@example.com' };
    return id;
  }

  it('shows who is signed in while the session is current', async () => {
    const id = await signedIn();
    const response = await request('GET', '/api/auth/session');
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ id, name: 'Ada', email: 'ada@example.com', role: 'CANDIDATE' });
  });

  it('answers HEAD as it answers GET, not with a 404', async () => {
    await signedIn();
    for (const path of ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers']) {
      const response = await request('HEAD', path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
    }
  });

  it('answers an ended session as signed out, without the name or email it had', async () => {
    const ends = {
      'a password change': (id: string) => prisma.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } } }),
      'a disabled account': (id: string) => prisma.user.update({ where: { id }, data: { disabledAt: new Date() } }),
      'a deleted account': (id: string) => prisma.user.delete({ where: { id } }),
    };
    for (const [how, end] of Object.entries(ends)) {
      await end(await signedIn());
      const response = await request('GET', '/api/auth/session');
      expect(response.status, how).toBe(200);
      expect(await response.json(), how).toEqual({});
    }
  });
});
