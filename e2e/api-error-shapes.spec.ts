// The built app behind its web server (scripts/serve.ts) answers API errors in the API's JSON shape
// where Next.js or Node would not: /api itself is a JSON 404, a method a route does not export is a
// JSON 405 with Allow (so is a method Next.js does not serve at all, such as TRACE), and request
// headers too large are a JSON 431, a server action from another site a JSON 403. A cached question page whose
// question went away says so.
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { E2E_PORT } from './support/test-server';

const TOPIC = 'production-deployments-and-operations';

test('/api on its own is a JSON 404 for every method', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const method of ['GET', 'POST', 'DELETE', 'OPTIONS']) {
    const response = await request.fetch('/api', { method, headers: { origin, 'content-type': 'application/json' }, data: method === 'POST' ? {} : undefined });
    expect(response.status(), method).toBe(404);
    expect(response.headers()['content-type']).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'There is no API at /api. See the README for the routes Rehearse serves.' });
  }
});

test('a method a route does not take is a JSON 405 with Allow', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const deleted = await request.delete('/api/topics', { headers: { origin } });
  expect(deleted.status()).toBe(405);
  expect(deleted.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  expect(deleted.headers()['content-type']).toMatch(/^application\/json/);
  expect(await deleted.json()).toEqual({ error: '/api/topics does not answer DELETE; it answers GET, HEAD, OPTIONS.' });

  const id = '0b6c3f9e-5a41-4c1e-9d3a-2f7b8e6d1c20';
  const got = await request.get(`/api/questions/${id}/model-answer`);
  expect(got.status()).toBe(405);
  expect(got.headers()['allow']).toBe('OPTIONS, POST');
  expect((await got.json()).error).toBe(`/api/questions/${id}/model-answer does not answer GET; it answers OPTIONS, POST.`);
});

test('a method Next.js does not serve is a JSON 405 with Allow, not a 500', async () => {
  for (const method of ['TRACE', 'PROPFIND']) {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(E2E_PORT, '127.0.0.1', () => socket.write(`${method} /api/topics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(reply, method).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(reply).toMatch(/\r\nAllow: GET, HEAD, OPTIONS\r\n/);
    expect(JSON.parse(reply.split('\r\n\r\n')[1]!)).toEqual({ error: `/api/topics does not answer ${method}; it answers GET, HEAD, OPTIONS.` });
  }
});

test('request headers too large are a JSON 431', async () => {
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = connect(E2E_PORT, '127.0.0.1', () => socket.end(`GET /api/topics HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: big=${'x'.repeat(20_000)}\r\n\r\n`));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
  expect(reply).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
  expect(reply).toMatch(/\r\nContent-Type: application\/json\r\n/);
  expect(JSON.parse(reply.split('\r\n\r\n')[1]!).error).toMatch(/^The request headers are larger than the 16 KB this server accepts\./);
});

test('a cached question page whose question is gone says so', async ({ page }) => {
  const account = createAccount('candidate');
  await signIn(page, account, '/');
  const { questions } = (await (await page.request.get(`/api/questions?topic=${TOPIC}`)).json()) as { questions: { slug: string }[] };
  // As if the question were unpublished after the member copy of its page was made.
  await page.route('**/api/questions/*/practice*', (route) =>
    route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: 'That question does not exist or is no longer available.' }) }),
  );
  const response = await page.goto(`/questions/${questions[0]!.slug}`);
  expect(response?.headers()['x-rehearse-page-cache']).toMatch(/^(hit|stale|miss)$/);
  await expect(page.getByText('This question is no longer available to practise.')).toBeVisible();
});

// next-auth's default redirect callback threw on a callbackUrl it could not parse ("\\evil",
// " //x"): a 500 from every auth endpoint, for as long as its callback-url cookie held one.
test('an unparsable callbackUrl sends sign-in home instead of failing every auth endpoint', async ({ request }) => {
  const providers = await request.get('/api/auth/providers?callbackUrl=%20//evil.example');
  expect(providers.status()).toBe(200);
  for (const path of ['/api/auth/session', '/api/auth/csrf']) {
    const response = await request.get(path, { headers: { cookie: 'next-auth.callback-url=%5C%5Cevil.example' } });
    expect(response.status(), path).toBe(200);
  }
});

// Next.js rendered a page for PUT, PATCH and DELETE as for GET (200, the whole page).
test('a page answers PUT, PATCH, DELETE and OPTIONS with a JSON 405 naming what it takes', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    const response = await request.fetch(`/topics/${TOPIC}`, { method, headers: { origin } });
    expect(response.status(), method).toBe(405);
    expect(response.headers()['allow']).toBe('GET, HEAD, POST');
    expect((await response.json()).error).toBe(`/topics/${TOPIC} does not answer ${method}; it answers GET, HEAD, POST.`);
  }
});

// Next.js refuses a server action whose Origin is not this site (its CSRF guard) with a 500, and
// one whose Origin does not parse fails inside it: a 500 too. The web server answers both first.
test('a server action from another site, or with an Origin that does not parse, is a JSON 403, not a 500', async ({ request, baseURL }) => {
  const action = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' };
  for (const origin of ['https://evil.example', 'nonsense']) {
    const response = await request.post('/', { headers: { ...action, origin }, data: '[]' });
    expect(response.status(), origin).toBe(403);
    expect((await response.json()).error).toBe('This request was refused: it came from another site (its Origin is not this app).');
  }
  // From this site the same request reaches Next.js, which says the action does not exist.
  const here = await request.post('/', { headers: { ...action, origin: new URL(baseURL!).origin }, data: '[]' });
  expect(here.status()).toBeLessThan(500);
});

// Next.js's limit for a server action's body is 1 MiB; past it, it answered a 500.
test('a server action over 1 MB is a JSON 413, not a 500', async ({ request, baseURL }) => {
  const headers = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8', origin: new URL(baseURL!).origin };
  const response = await request.post('/', { headers, data: `["${'a'.repeat(1024 * 1024)}"]` });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toBe('This request is larger than 1 MB, the most one form on this site can send. Nothing was saved.');
});
