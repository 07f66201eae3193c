// Which requests the web server's page cache answers, and from which copy (page-micro-cache.ts,
// decision 017): anonymous reads of the public pages and read APIs; signed-in reads of the pages
// whose signed-in view is the same for everyone, only with a session token that decrypts.
import type { IncomingMessage } from 'node:http';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheAudience } from '@/server/cache/page-micro-cache';

const SECRET = 'cache-audience-test-secret-0123456789';
let saved: string | undefined;
let session = '';

beforeAll(async () => {
  saved = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = SECRET;
  session = `next-auth.session-token=${await encode({ token: { uid: 'user-1', sv: 0 }, secret: SECRET, maxAge: 600 })}`;
});
afterAll(() => {
  if (saved === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved;
});

const request = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ url, method, headers }) as unknown as IncomingMessage;

describe('cacheAudience', () => {
  it('answers anonymous reads of the public pages and read APIs', async () => {
    for (const url of ['/', '/topics/ops', '/topics/ops?page=2', '/questions/canaries', '/roles', '/roles/sre', '/categories/operations', '/api/topics', '/api/questions?topic=ops&page=2']) {
      expect(await cacheAudience(request(url, { cookie: 'theme=dark' })), url).toBe('anonymous');
    }
  });

  it('gives a live session the member copy of the pages that are the same for every reader', async () => {
    for (const url of ['/', '/topics/ops', '/topics/ops?page=3', '/questions/canaries', '/roles/sre', '/api/questions?topic=ops']) {
      expect(await cacheAudience(request(url, { cookie: `theme=dark; ${session}` })), url).toBe('member');
    }
    // The topic list names no reader, but a signed-in caller's answer is left to the app (private).
    expect(await cacheAudience(request('/api/topics', { cookie: session }))).toBeNull();
  });

  it('leaves to the app a cookie that does not decrypt, any other page or query, writes and RSC requests', async () => {
    const cases: [string, Record<string, string>, string?][] = [
      ['/questions/canaries', { cookie: 'next-auth.session-token=forged' }],
      ['/questions/canaries?attempt=123', { cookie: session }],
      ['/topics/ops?page=2&x=1', {}],
      ['/topics/ops?sort=new', {}],
      ['/admin', {}],
      ['/progress', { cookie: session }],
      ['/search?q=canary', {}],
      ['/api/attempts', {}],
      ['/questions/canaries', { rsc: '1' }],
      ['/questions/canaries', { 'next-router-prefetch': '1', cookie: session }],
      ['/questions/canaries', {}, 'POST'],
    ];
    for (const [url, headers, method] of cases) expect(await cacheAudience(request(url, headers, method)), `${method ?? 'GET'} ${url} ${Object.keys(headers)}`).toBeNull();
  });
});
