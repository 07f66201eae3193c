import { describe, expect, it } from 'vitest';
import { nextAuthErrorAsJson } from '@/server/users/next-auth-error-as-json';

const request = new Request('http://localhost:3000/api/auth/session', { method: 'POST' });

describe('nextAuthErrorAsJson', () => {
  it('turns a text/plain 400 into the API shape and keeps next-auth\'s other headers', async () => {
    const plain = new Response('[object Object]', { status: 400, headers: { 'content-type': 'text/plain;charset=UTF-8', 'set-cookie': 'next-auth.csrf-token=abc; Path=/' } });
    const json = await nextAuthErrorAsJson(plain, request);
    expect(json.status).toBe(400);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.getSetCookie()).toEqual(['next-auth.csrf-token=abc; Path=/']);
    expect((await json.json()).error).toMatch(/could not read this request/);
  });

  it('makes "not supported by NextAuth.js" a 404 naming the method and path', async () => {
    const plain = new Response('Error: This action with HTTP POST is not supported by NextAuth.js', { status: 400, headers: { 'content-type': 'text/plain' } });
    const json = await nextAuthErrorAsJson(plain, request);
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ error: 'There is no sign-in endpoint for POST /api/auth/session.' });
  });

  it('leaves successes and JSON errors alone', async () => {
    const ok = new Response('{}', { status: 200 });
    expect(await nextAuthErrorAsJson(ok, request)).toBe(ok);
    const jsonError = new Response('{"message":"x"}', { status: 500, headers: { 'content-type': 'application/json' } });
    expect(await nextAuthErrorAsJson(jsonError, request)).toBe(jsonError);
  });
});
