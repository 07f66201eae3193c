// DELETE /api/account { confirm: <your email> }: a same-origin request that forgot its body gets
// the 400 that names `confirm`, as a JSON body without it does, not the CSRF refusal meant for a
// body that is not JSON. Next.js hands every write a body stream, an empty one when the client
// sent no body and no Content-Length (curl -X DELETE), so the tests send that.
import { call, harness, ORIGIN } from './route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { DELETE as deleteAccount } from '@/app/api/account/route';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

let userId = '';

beforeEach(async () => {
  await resetDatabase();
  userId = (await prisma.user.create({ data: { email: 'lin@example.com' }, select: { id: true } })).id;
  harness.user = { id: userId };
});

const noBody = () => new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
const send = (headers: Record<string, string>, body: BodyInit = noBody()) => call(deleteAccount as never, { method: 'DELETE', path: '/api/account', params: {}, headers, body });
const MISSING_CONFIRM = { error: 'confirm: Type your email address to confirm.', fields: { confirm: 'Type your email address to confirm.' } };

describe('DELETE /api/account', () => {
  it('answers a same-origin request with no body 400 naming confirm, as for a JSON body without it', async () => {
    const requests: [string, Record<string, string>, BodyInit?][] = [
      ['no body, no headers about one', { origin: ORIGIN }],
      ['no body, marked same-origin by the browser', { 'sec-fetch-site': 'same-origin' }],
      ['Content-Length: 0', { origin: ORIGIN, 'content-length': '0' }],
      ['JSON type, no body', { origin: ORIGIN, 'content-type': 'application/json' }],
      ['JSON without confirm', { origin: ORIGIN, 'content-type': 'application/json' }, '{}'],
    ];
    for (const [name, headers, body] of requests) {
      const response = await send(headers, body);
      expect(response.status, name).toBe(400);
      expect(await response.json(), name).toEqual(MISSING_CONFIRM);
    }
    expect(await prisma.user.count({ where: { id: userId } })).toBe(1);
  });

  it('still refuses a body that is not declared JSON, and a request from another site, with 403', async () => {
    const confirm = JSON.stringify({ confirm: 'lin@example.com' });
    const refused: [string, Record<string, string>, BodyInit?, RegExp?][] = [
      ['text/plain, no body', { origin: ORIGIN, 'content-type': 'text/plain' }, undefined, /Content-Type: application\/json/],
      ['text/plain body', { origin: ORIGIN, 'content-type': 'text/plain' }, confirm, /Content-Type: application\/json/],
      ['no type, body with no length header', { origin: ORIGIN }, new Blob([confirm]).stream(), /Content-Type: application\/json/],
      ['no body, another site', { origin: 'https://evil.example' }, undefined, /another site/],
      ['no body, cross-site fetch', { 'sec-fetch-site': 'cross-site' }, undefined, /^This request was refused/],
    ];
    for (const [name, headers, body, message] of refused) {
      const response = await send(headers, body);
      expect(response.status, name).toBe(403);
      expect((await response.json()).error, name).toMatch(message!);
    }
    expect(await prisma.user.count({ where: { id: userId } })).toBe(1);
  });

  it('deletes the account when confirm is the caller’s email', async () => {
    const response = await send({ origin: ORIGIN, 'content-type': 'application/json' }, JSON.stringify({ confirm: 'lin@example.com' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: true, attemptsAnonymised: 0 });
    expect(await prisma.user.count({ where: { id: userId } })).toBe(0);
  });
});
