// The web server's answers where Next.js or Node would send an empty body (src/server/web-server,
// as scripts/serve.ts wires them), over real sockets with a stand-in for Next.js that behaves as
// it does: a bare 405 for a method a route does not export, 204 with Allow for OPTIONS. The real
// app is checked end to end in e2e/api-error-shapes.spec.ts.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientError } from '@/server/web-server/answer-client-error';
import { answerMethodNotAllowed } from '@/server/web-server/answer-method-not-allowed';
import { refuseUnsupportedMethod } from '@/server/web-server/refuse-unsupported-method';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

// /api/topics and /topics take GET only, like a route file exporting GET (Next.js adds HEAD and
// OPTIONS); anything else is a bare 405, sent in each of the ways Next.js may send it: writeHead
// then end (as the production build does; PUT here), headers flushed and an empty chunk written
// before the end (DELETE), or only the end.
async function start({ optionsDelayMs = 0 } = {}) {
  const probes: string[] = [];
  let probing = 0;
  const stats = { mostProbesAtOnce: 0 };
  server = createServer((request, response) => {
    const { port } = server!.address() as AddressInfo;
    if (refuseUnsupportedMethod(request, response, port)) return;
    answerMethodNotAllowed(request, response, port);
    const path = request.url!.split('?')[0];
    if (request.method === 'OPTIONS') {
      probes.push(path!);
      probing += 1;
      stats.mostProbesAtOnce = Math.max(stats.mostProbesAtOnce, probing);
      setTimeout(() => {
        probing -= 1;
        response.writeHead(204, { Allow: 'GET, HEAD, OPTIONS' }).end();
      }, optionsDelayMs);
    } else if (!['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method!)) {
      // As Next.js answers a method it does not serve.
      response.statusCode = request.method === 'TRACE' ? 500 : 400;
      response.end(request.method === 'TRACE' ? 'Internal Server Error' : '');
    } else if (request.method === 'GET' || request.method === 'HEAD') {
      response.setHeader('Content-Type', 'application/json');
      response.end('{"topics":[]}');
    } else {
      response.statusCode = 405;
      if (request.method === 'PUT') response.writeHead(405, { vary: 'rsc' });
      if (request.method === 'DELETE') {
        response.flushHeaders();
        response.write(new Uint8Array(0));
      }
      response.end();
    }
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port, probes, stats };
}

// What a client reads back from raw bytes, for requests fetch() would refuse to send. With
// `keepOpen` the client does not half-close after sending (Node would drop an answer still being
// prepared), so the request must ask for `Connection: close`.
function rawExchange(port: number, request: string, { keepOpen = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => (keepOpen ? socket.write(request) : socket.end(request)));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('a method a route does not take', () => {
  it('answers 405 in the API’s JSON shape, with the Allow header the app gives for the path', async () => {
    const app = await start();
    // A path of this test's own: the answers are remembered per path for the process.
    const path = `/api/topics-${randomUUID()}`;
    for (const method of ['DELETE', 'POST', 'PUT', 'PATCH']) {
      const response = await fetch(`${app.base}${path}?x=1`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ error: `${path} does not answer ${method}; it answers GET, HEAD, OPTIONS.` });
    }
    // Asked once, then remembered.
    expect(app.probes).toEqual([path]);
  });

  it('does not turn a flood of wrong methods into a flood of probes: a few at once, the rest without Allow', async () => {
    const app = await start({ optionsDelayMs: 200 });
    const paths = Array.from({ length: 20 }, () => `/api/flood-${randomUUID()}`);
    const responses = await Promise.all(paths.map((path) => fetch(`${app.base}${path}`, { method: 'DELETE' })));
    expect(responses.map((r) => r.status)).toEqual(paths.map(() => 405));
    expect(app.stats.mostProbesAtOnce).toBeLessThanOrEqual(4);
    expect(app.probes.length).toBeLessThanOrEqual(4);
    const withoutAllow = responses.filter((r) => r.headers.get('allow') === null);
    expect(withoutAllow.length).toBeGreaterThanOrEqual(16);
    for (const response of withoutAllow) expect((await response.json()).error).toMatch(/^\/api\/flood-[\w-]+ does not answer DELETE\.$/);
  });

  // /metrics is the one route handler outside /api: its 405 is Next.js's own (pages never get this
  // far with a method they do not take; see the next describe).
  it('leaves every other response alone: a successful one, and a 405 outside /api', async () => {
    const app = await start();
    const ok = await fetch(`${app.base}/api/topics`);
    expect(await ok.json()).toEqual({ topics: [] });
    const metrics = await fetch(`${app.base}/metrics`, { method: 'DELETE' });
    expect(metrics.status).toBe(405);
    expect(await metrics.text()).toBe('');
    expect(app.probes).toEqual([]);
  });
});

describe('a method Next.js does not serve', () => {
  it('answers 405 in the API’s JSON shape before Next.js sees it, with the route’s Allow header', async () => {
    const app = await start();
    const path = `/api/topics-${randomUUID()}`;
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'SEARCH', 'REPORT']) {
      const reply = await rawExchange(app.port, `${method} ${path}?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, { keepOpen: true });
      const [head, body] = reply.split('\r\n\r\n');
      expect(head, method).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
      expect(head).toMatch(/\r\nAllow: GET, HEAD, OPTIONS\r\n/);
      expect(head).toMatch(/\r\nContent-Type: application\/json\r\n/);
      expect(JSON.parse(body!)).toEqual({ error: `${path} does not answer ${method}; it answers GET, HEAD, OPTIONS.` });
    }
    expect(app.probes).toEqual([path]);
  });

  it('answers 405 outside /api too, naming the methods a page takes', async () => {
    const app = await start();
    const reply = await rawExchange(app.port, 'TRACE /topics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { keepOpen: true });
    const [head, body] = reply.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(head).toMatch(/\r\nAllow: GET, HEAD, POST\r\n/);
    expect(JSON.parse(body!)).toEqual({ error: '/topics does not answer TRACE; it answers GET, HEAD, POST.' });
    expect(app.probes).toEqual([]);
  });
});

// Next.js rendered a page for PUT, PATCH and DELETE as for GET (200, the whole page) and answered
// OPTIONS with an empty 400.
describe('a method a page does not take', () => {
  it('is a 405 naming GET, HEAD and POST before Next.js sees it; a build file takes GET and HEAD', async () => {
    const app = await start();
    for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const page = await fetch(`${app.base}/topics/x?y=1`, { method });
      expect(page.status, method).toBe(405);
      expect(page.headers.get('allow')).toBe('GET, HEAD, POST');
      expect(await page.json()).toEqual({ error: `/topics/x does not answer ${method}; it answers GET, HEAD, POST.` });
    }
    const asset = await fetch(`${app.base}/_next/static/chunks/a.js`, { method: 'POST' });
    expect(asset.status).toBe(405);
    expect(asset.headers.get('allow')).toBe('GET, HEAD');
    expect(app.probes).toEqual([]);
  });

  it('lets GET, HEAD and POST through to the page', async () => {
    const app = await start();
    for (const method of ['GET', 'HEAD']) expect((await fetch(`${app.base}/topics`, { method })).status, method).toBe(200);
    // The stand-in app answers POST with a bare 405; what matters is that it, not the gate, answered.
    expect(await (await fetch(`${app.base}/topics`, { method: 'POST' })).text()).toBe('');
  });
});

describe('a request Node’s parser refuses', () => {
  it('answers 431 in the API’s JSON shape when the headers are too large', async () => {
    const app = await start();
    const reply = await rawExchange(app.port, `GET /api/topics HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`);
    const [head, body] = reply.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(head).toMatch(/\r\nContent-Type: application\/json\r\n/);
    expect(head).toMatch(/\r\nConnection: close/);
    expect(JSON.parse(body!)).toEqual({ error: expect.stringMatching(/^The request headers are larger than the 16 KB this server accepts\./) });
  });

  it('answers 400 in the same shape to what is not HTTP at all', async () => {
    const app = await start();
    const reply = await rawExchange(app.port, 'HELLO\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(reply.split('\r\n\r\n')[1]!)).toEqual({ error: 'The request could not be read as HTTP.' });
  });
});
