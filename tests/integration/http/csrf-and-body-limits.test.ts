// Writes through the JSON API must be JSON from this site: a same-site page's text/plain form,
// or a request from another origin, gets 403 and stores nothing. Bodies are limited while they
// are read (413 naming the limit), NUL bytes get a 400 naming the field, and a path segment with
// bad percent-encoding is a 4xx.
import { call, harness, ORIGIN } from './route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as createAttempt } from '@/app/api/attempts/route';
import { POST as importBundle } from '@/app/api/admin/bundles/route';
import { POST as register } from '@/app/api/auth/register/route';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

let questionId = '';

beforeEach(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  const question = await prisma.question.create({
    data: { slug: 'q', topicId: topic.id, prompt: 'Explain canaries.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', published: true },
    select: { id: true },
  });
  await prisma.questionVersion.create({ data: { questionId: question.id, version: 1, rubric: {}, publishedAt: new Date() } });
  questionId = question.id;
  const admin = await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } });
  harness.user = { id: admin.id };
});

const answer = () => JSON.stringify({ questionId, answer: 'Send a small share of traffic to the new version first, watch its error rate and latency against the old one, and roll back at once if it looks worse.' });
const post = (handler: typeof createAttempt, path: string, headers: Record<string, string>, body: BodyInit) =>
  call(handler as never, { method: 'POST', path, params: {}, headers, body });

describe('CSRF', () => {
  it('refuses a text/plain form post (what a same-site page can send) with 403, storing nothing', async () => {
    // Exactly the attack: <form enctype="text/plain"> with the JSON smuggled into a field name.
    const response = await post(createAttempt, '/api/attempts', { 'content-type': 'text/plain', origin: ORIGIN }, answer());
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/Content-Type: application\/json/);
    expect(await prisma.attempt.count()).toBe(0);
  });

  it('refuses a body sent with no Content-Type and no length header (as Next.js passes one) with 403', async () => {
    const response = await post(createAttempt, '/api/attempts', { origin: ORIGIN }, new Blob([answer()]).stream());
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/Content-Type: application\/json/);
    expect(await prisma.attempt.count()).toBe(0);
  });

  it('refuses JSON from another origin, a null origin, or a cross-site fetch without an origin', async () => {
    const attempts: Record<string, string>[] = [
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      { 'content-type': 'application/json', origin: 'http://localhost:3000.evil.example' },
      { 'content-type': 'application/json', origin: 'null' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
      { 'content-type': 'application/json' },
    ];
    for (const headers of attempts) {
      const response = await post(createAttempt, '/api/attempts', headers, answer());
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect((await response.json()).error).toMatch(/^This request was refused/);
    }
    expect(await prisma.attempt.count()).toBe(0);
  });

  it('accepts JSON from this origin, or marked same-origin by the browser', async () => {
    expect((await post(createAttempt, '/api/attempts', { 'content-type': 'application/json', origin: ORIGIN }, answer())).status).toBe(202);
    expect((await post(createAttempt, '/api/attempts', { 'content-type': 'application/json; charset=utf-8', 'sec-fetch-site': 'same-origin' }, answer())).status).toBe(202);
    expect(await prisma.attempt.count()).toBe(2);
  });
});

describe('body limits', () => {
  // Counts what the handler pulled from a body that would go on for 64 MB.
  function meteredBody(totalBytes: number) {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    const metered = { pulled: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (metered.pulled >= totalBytes) return controller.close();
        metered.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { stream, metered };
  }

  it('stops reading a JSON body past 256 KB and answers 413 with the limit', async () => {
    const { stream, metered } = meteredBody(64 * 1024 * 1024);
    const response = await post(register, '/api/auth/register', { 'content-type': 'application/json', origin: ORIGIN }, stream);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe('The request body is larger than the limit of 256 KB.');
    // Read up to the limit (plus the chunks a stream buffers ahead), not the whole body.
    expect(metered.pulled).toBeLessThan(512 * 1024);
  });

  it('refuses a declared oversize body before reading it', async () => {
    const { stream, metered } = meteredBody(1024 * 1024);
    const headers = { 'content-type': 'application/json', origin: ORIGIN, 'content-length': String(1024 * 1024) };
    expect((await post(register, '/api/auth/register', headers, stream)).status).toBe(413);
    expect(metered.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it('lets a bundle import be larger (5 MB), and no larger', async () => {
    const big = JSON.stringify({ format: 'rehearse-bundle', padding: 'x'.repeat(1024 * 1024) });
    const response = await post(importBundle as never, '/api/admin/bundles', { 'content-type': 'application/json', origin: ORIGIN }, big);
    expect(response.status).toBe(400); // read and validated, not refused for size
    const { stream } = meteredBody(64 * 1024 * 1024);
    const huge = await post(importBundle as never, '/api/admin/bundles', { 'content-type': 'application/json', origin: ORIGIN }, stream);
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toBe('The request body is larger than the limit of 5 MB.');
  });
});

describe('bad bytes', () => {
  it('answers 400 naming the field for a NUL in a registration name, and creates no account', async () => {
    const body = JSON.stringify({ email: 'lin@example.com', password: 'a-long-password', name: 'Lin\u0000' });
    const response = await post(register, '/api/auth/register', { 'content-type': 'application/json', origin: ORIGIN }, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'name: Your name contains a NUL character (U+0000) on line 1, column 4; remove it and try again.',
      fields: { name: 'Your name contains a NUL character (U+0000) on line 1, column 4; remove it and try again.' },
    });
    expect(await prisma.user.count({ where: { email: 'lin@example.com' } })).toBe(0);
  });

  it('tells a candidate what to remove from an answer', async () => {
    const body = JSON.stringify({ questionId, answer: 'first line\nsecond\u0000line' });
    const response = await post(createAttempt, '/api/attempts', { 'content-type': 'application/json', origin: ORIGIN }, body);
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({
      answer: 'Your answer contains a NUL character (U+0000) on line 2, column 7; remove it and try again.',
    });
  });

  it('names the path of a control character deep inside an imported bundle', async () => {
    const body = JSON.stringify({ format: 'rehearse-bundle', topic: { notes: ['fine', 'bad\u0001'] } });
    const response = await post(importBundle as never, '/api/admin/bundles', { 'content-type': 'application/json', origin: ORIGIN }, body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('topic.notes.1 contains a control character (U+0001) on line 1, column 4; remove it and try again.');
  });

  it('refuses a body that is not UTF-8', async () => {
    const response = await post(register, '/api/auth/register', { 'content-type': 'application/json', origin: ORIGIN }, new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('The request body must be UTF-8 text.');
  });
});
