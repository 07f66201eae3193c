// A POST to a page (a server action) from another site, or with an Origin that does not parse, is
// refused by the web server with the API's 403 (src/server/web-server/refuse-page-post.ts)
// before Next.js, which answered it with a 500; so is one whose Content-Length is over Next.js's
// 1 MiB limit for server actions (a 413). Over real sockets, with a stand-in for Next.js
// that records what reached it; the built app is checked in e2e/api-error-shapes.spec.ts.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusePagePost, SERVER_ACTION_BODY_LIMIT_BYTES } from '@/server/web-server/refuse-page-post';

let server: Server;
let port: number;
const reachedApp: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (refusePagePost(request, response)) return;
    reachedApp.push(`${request.method} ${request.url} origin=${request.headers.origin ?? '-'}`);
    request.resume();
    response.end('app');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function send(method: string, path: string, headers: Record<string, string>, payload = 'name=x'): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], body }));
    });
    outgoing.on('error', reject);
    outgoing.end(method === 'POST' ? payload : undefined);
  });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'next-action': '7f00aa' };

describe('a server action from another site', () => {
  it('is a 403 in the API’s JSON shape, and never reaches the app', async () => {
    reachedApp.length = 0;
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'nonsense' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${port + 1}` },
      // Next.js would compare with X-Forwarded-Host and accept; the API does not trust it
      // without TRUSTED_PROXY_HOPS, so neither does this.
      { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
      // This site's Origin, but a proxy's X-Forwarded-Host that Next.js would compare with: Next.js
      // would refuse it with its 500.
      { origin: `http://127.0.0.1:${port}`, 'x-forwarded-host': 'public.example' },
    ];
    for (const headers of foreign) {
      const response = await send('POST', '/admin/questions?x=1', { ...FORM, ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.type).toBe('application/json');
      expect(JSON.parse(response.body)).toEqual({ error: 'This request was refused: it came from another site (its Origin is not this app).' });
    }
    expect(reachedApp).toEqual([]);
  });

  it('leaves this site’s actions, POSTs without an Origin, API routes and reads to the app', async () => {
    reachedApp.length = 0;
    const here = `http://127.0.0.1:${port}`;
    expect((await send('POST', '/admin/questions', { ...FORM, origin: here })).body).toBe('app');
    expect((await send('POST', '/admin/questions', FORM)).body).toBe('app');
    // /api and /metrics check their own origin (route() in src/server/http.ts).
    expect((await send('POST', '/api/attempts', { origin: 'https://evil.example' })).body).toBe('app');
    expect((await send('GET', '/topics', { origin: 'https://evil.example' })).body).toBe('app');
    expect(reachedApp).toEqual([
      `POST /admin/questions origin=${here}`,
      'POST /admin/questions origin=-',
      'POST /api/attempts origin=https://evil.example',
      'GET /topics origin=https://evil.example',
    ]);
  });
});

describe('a server action larger than Next.js takes', () => {
  it('is a 413 with a sentence when its Content-Length says so, and never reaches the app', async () => {
    reachedApp.length = 0;
    const here = `http://127.0.0.1:${port}`;
    const response = await send('POST', '/admin/questions/x', { ...FORM, origin: here }, 'a'.repeat(SERVER_ACTION_BODY_LIMIT_BYTES + 1));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ error: 'This request is larger than 1 MB, the most one form on this site can send. Nothing was saved.' });
    expect(reachedApp).toEqual([]);
    // At the limit it is Next.js's to read.
    expect((await send('POST', '/admin/questions/x', { ...FORM, origin: here }, 'a'.repeat(SERVER_ACTION_BODY_LIMIT_BYTES))).body).toBe('app');
  });
});
