// The web server's admission gate (src/server/admission): bounded reads in flight, the rest queued
// with pages ahead of a signed-in page's own parts, clients that leave removed from the queue.
import { describe, expect, it } from 'vitest';
import { createAdmissionGate, GateFullError, GateLeftError } from '@/server/admission/admission-gate';
import { classifyRequest } from '@/server/admission/classify-request';

const ID = '0b6c3f9e-5a41-4c1e-9d3a-2f7b8e6d1c20';

describe('createAdmissionGate', () => {
  it('lets up to the limit in at once and the next one in when one is released', async () => {
    const gate = createAdmissionGate({ maxInFlight: 2, maxQueued: 10 });
    const a = await gate.enter('page');
    await gate.enter('page');
    let third = false;
    const waiting = gate.enter('page').then((release) => ((third = true), release));
    await Promise.resolve();
    expect(third).toBe(false);
    expect(gate.stats()).toEqual({ inFlight: 2, queued: { page: 1, personal: 0 } });
    a();
    await waiting;
    expect(third).toBe(true);
    expect(gate.stats().inFlight).toBe(2);
  });

  it('admits waiting pages before waiting personal reads, each in arrival order', async () => {
    const gate = createAdmissionGate({ maxInFlight: 1, maxQueued: 10 });
    const first = await gate.enter('personal');
    const order: string[] = [];
    const admitted = new Map<string, Promise<() => void>>();
    const enter = (kind: 'page' | 'personal', name: string) => admitted.set(name, gate.enter(kind).then((release) => (order.push(name), release)));
    enter('personal', 'personal-1');
    enter('page', 'page-1');
    enter('personal', 'personal-2');
    enter('page', 'page-2');
    // One place: each release admits exactly the next in line.
    first();
    for (const name of ['page-1', 'page-2', 'personal-1', 'personal-2']) (await admitted.get(name)!)();
    expect(order).toEqual(['page-1', 'page-2', 'personal-1', 'personal-2']);
    expect(gate.stats()).toEqual({ inFlight: 0, queued: { page: 0, personal: 0 } });
  });

  it('counts a release once, however often it is called', async () => {
    const gate = createAdmissionGate({ maxInFlight: 1, maxQueued: 10 });
    const release = await gate.enter('page');
    release();
    release();
    expect(gate.stats().inFlight).toBe(0);
  });

  it('refuses a request when the queue is full', async () => {
    const gate = createAdmissionGate({ maxInFlight: 1, maxQueued: 1 });
    await gate.enter('page');
    void gate.enter('page');
    await expect(gate.enter('personal')).rejects.toBeInstanceOf(GateFullError);
  });

  it('drops a waiting request whose client left, and lets the next one in', async () => {
    const gate = createAdmissionGate({ maxInFlight: 1, maxQueued: 10 });
    const held = await gate.enter('page');
    const left = new AbortController();
    const leaving = gate.enter('page', left.signal);
    const staying = gate.enter('page');
    left.abort();
    await expect(leaving).rejects.toBeInstanceOf(GateLeftError);
    expect(gate.stats().queued.page).toBe(1);
    held();
    await expect(staying).resolves.toBeTypeOf('function');
    expect(gate.stats()).toEqual({ inFlight: 1, queued: { page: 0, personal: 0 } });
  });
});

describe('classifyRequest', () => {
  const of = (method: string, url: string, isLoopbackRender = false) => classifyRequest({ method, url, isLoopbackRender });

  it('lets writes, long-polls, probes, metrics, static files and the page cache’s renders straight in', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) expect(of(method, '/api/attempts')).toBe('now');
    expect(of('GET', `/api/attempts/${ID}?wait=20`)).toBe('now');
    expect(of('GET', '/api/health')).toBe('now');
    expect(of('GET', '/api/ready?only=database')).toBe('now');
    expect(of('GET', '/metrics')).toBe('now');
    expect(of('GET', '/_next/static/chunks/app.js')).toBe('now');
    expect(of('GET', '/questions/some-question', true)).toBe('now');
  });

  it('queues a signed-in page’s own parts behind pages', () => {
    expect(of('GET', '/api/account')).toBe('personal');
    expect(of('GET', `/api/questions/statuses?ids=${ID}`)).toBe('personal');
    expect(of('GET', `/api/questions/${ID}/practice?attempt=${ID}`)).toBe('personal');
  });

  it('queues every other read as a page, and cannot be talked into skipping the queue', () => {
    expect(of('GET', '/')).toBe('page');
    expect(of('HEAD', '/topics/production-deployments-and-operations?page=2')).toBe('page');
    expect(of('GET', '/api/questions?topic=x')).toBe('page');
    // An attempt read without wait, or `wait` on another route, is an ordinary read.
    expect(of('GET', `/api/attempts/${ID}`)).toBe('page');
    expect(of('GET', '/api/questions?wait=20')).toBe('page');
    expect(of('GET', '/api/health/../account')).toBe('page');
  });
});
