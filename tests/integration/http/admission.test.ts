// The web server's admission gate over real sockets (src/server/admission/admit-request.ts, as
// scripts/serve.ts uses it), with a stand-in for Next.js whose reads answer only when told to:
// a submit and a long-poll go in while reads are held; the queue is left by a client that hangs
// up; a full queue answers 503 in the API's JSON shape.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestAdmission, readAdmissionStats } from '@/server/admission/admit-request';

const ID = '0b6c3f9e-5a41-4c1e-9d3a-2f7b8e6d1c20';
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

// Reads hang until `answerHeld()`; everything else answers at once with its method and path.
async function start({ maxInFlight, maxQueued, maxHoldMs }: { maxInFlight: number; maxQueued: number; maxHoldMs?: number }) {
  const held: ServerResponse[] = [];
  const seen: string[] = [];
  const admit = createRequestAdmission({ maxInFlight, maxQueued, maxHoldMs, isLoopbackRender: (request) => request.headers['x-loopback'] === 'yes' });
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    seen.push(`${request.method} ${request.url}`);
    if (request.method === 'GET' && !request.url?.includes('wait=') && request.headers['x-loopback'] !== 'yes') held.push(response);
    else response.end(`${request.method} ${request.url}`);
  };
  server = createServer((request, response) => void admit(request, response, () => handle(request, response)));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const answerHeld = () => {
    for (const response of held.splice(0)) response.end('read');
  };
  return { base, seen, answerHeld, heldCount: () => held.length };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('admission to the app under load', () => {
  it('lets a submit, a long-poll and a loopback render in while reads fill every place', async () => {
    const app = await start({ maxInFlight: 2, maxQueued: 100 });
    const reads = Array.from({ length: 5 }, (_, i) => fetch(`${app.base}/topics/t?page=${i}`));
    await until(() => app.heldCount() === 2 && readAdmissionStats()?.queued.page === 3);
    expect(readAdmissionStats()).toMatchObject({ inFlight: 2, queued: { page: 3, personal: 0 } });

    const submit = await fetch(`${app.base}/api/attempts`, { method: 'POST', body: '{}' });
    expect(await submit.text()).toBe('POST /api/attempts');
    const poll = await fetch(`${app.base}/api/attempts/${ID}?wait=20`);
    expect(await poll.text()).toBe(`GET /api/attempts/${ID}?wait=20`);
    const render = await fetch(`${app.base}/questions/q`, { headers: { 'x-loopback': 'yes' } });
    expect(await render.text()).toBe('GET /questions/q');

    // The held reads go in as places free up, each in turn.
    while ((readAdmissionStats()?.queued.page ?? 0) > 0 || app.heldCount() > 0) {
      app.answerHeld();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await Promise.all(reads.map(async (r) => (await r).status))).toEqual([200, 200, 200, 200, 200]);
    expect(readAdmissionStats()).toMatchObject({ inFlight: 0, queued: { page: 0, personal: 0 } });
  });

  it('forgets a waiting read whose client hung up, so it never reaches the app', async () => {
    const app = await start({ maxInFlight: 1, maxQueued: 100 });
    const first = fetch(`${app.base}/`);
    await until(() => app.heldCount() === 1);
    const leaving = new AbortController();
    const gone = fetch(`${app.base}/api/account`, { signal: leaving.signal }).catch(() => 'aborted');
    await until(() => readAdmissionStats()?.queued.personal === 1);
    leaving.abort();
    expect(await gone).toBe('aborted');
    await until(() => readAdmissionStats()?.queued.personal === 0);
    app.answerHeld();
    expect((await first).status).toBe(200);
    expect(app.seen).toEqual(['GET /']);
  });

  it('answers 503 with Retry-After and a readable message when the queue is full', async () => {
    const app = await start({ maxInFlight: 1, maxQueued: 1 });
    const first = fetch(`${app.base}/`);
    await until(() => app.heldCount() === 1);
    const queued = fetch(`${app.base}/roles`);
    await until(() => readAdmissionStats()?.queued.page === 1);
    const refused = await fetch(`${app.base}/api/account`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ error: 'Rehearse is very busy right now. Please try again in a moment.' });
    expect(readAdmissionStats()?.refused).toBe(1);
    app.answerHeld();
    await until(() => app.heldCount() === 1);
    app.answerHeld();
    expect([(await first).status, (await queued).status]).toEqual([200, 200]);
  });

  it('gives a place back after the hold limit, so a response that never ends cannot shut the gate', async () => {
    const app = await start({ maxInFlight: 1, maxQueued: 10, maxHoldMs: 200 });
    const stuck = fetch(`${app.base}/questions/slowly-read`);
    await until(() => app.heldCount() === 1);
    const next = fetch(`${app.base}/roles`);
    await until(() => app.heldCount() === 2);
    app.answerHeld();
    expect([(await stuck).status, (await next).status]).toEqual([200, 200]);
  });

  it('lets everything in at once when the gate is off', async () => {
    const app = await start({ maxInFlight: 0, maxQueued: 1 });
    const reads = Array.from({ length: 4 }, () => fetch(`${app.base}/api/account`));
    await until(() => app.heldCount() === 4);
    app.answerHeld();
    expect((await Promise.all(reads)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });
});
