// A request a schema refuses, where the schema has no message of its own, is answered in words a
// person reads (src/lib/zod-messages.ts), not zod's ("Invalid input: expected object, received
// null", `Invalid option: expected one of "CANDIDATE"|"ADMIN"`, `Unrecognized key: "x"`).
import { call, harness, ORIGIN } from './route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as changePassword } from '@/app/api/account/password/route';
import { GET as listUsers } from '@/app/api/admin/users/route';
import { POST as register } from '@/app/api/auth/register/route';
import { GET as ready } from '@/app/api/ready/route';
import { prisma } from '@/server/db';
import { createUser } from '@/server/users/create-user';
import { resetDatabase } from '../../support/reset-database';

const JSON_HEADERS = { origin: ORIGIN, 'content-type': 'application/json' };

beforeEach(async () => {
  await resetDatabase();
  harness.user = null;
});

async function refusal(response: Response) {
  expect(response.status).toBe(400);
  return (await response.json()) as { error: string; fields: Record<string, string> };
}

describe('validation errors', () => {
  it('say the body must be a JSON object when it is null', async () => {
    const body = await refusal(await call(register as never, { method: 'POST', path: '/api/auth/register', params: {}, headers: JSON_HEADERS, body: 'null' }));
    expect(body.error).toBe('The request must be a JSON object, not null.');
  });

  it('name the choices, and what was given, for a value outside them', async () => {
    const admin = await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } });
    harness.user = { id: admin.id };
    const body = await refusal(await call(listUsers as never, { method: 'GET', path: '/api/admin/users', params: {}, query: '?role=admin' }));
    expect(body).toEqual({ error: 'role: Choose CANDIDATE or ADMIN ("admin" is not one of them).', fields: { role: 'Choose CANDIDATE or ADMIN ("admin" is not one of them).' } });
  });

  it('ask to remove a field the request does not take', async () => {
    const user = await createUser({ input: { email: 'lin@example.com', password: 'the-right-password' } });
    harness.user = { id: user.id };
    const body = await refusal(
      await call(changePassword as never, {
        method: 'POST',
        path: '/api/account/password',
        params: {},
        headers: JSON_HEADERS,
        body: JSON.stringify({ currentPassword: 'the-right-password', newPassword: 'a-new-password', x: 1 }),
      }),
    );
    expect(body.error).toBe('"x" is not something this request takes; remove it.');
  });

  it('name the readiness check it does not know, under `only`', async () => {
    const body = await refusal(await call(ready as never, { method: 'GET', path: '/api/ready', params: {}, query: '?only=database,foo' }));
    const message = '"foo" is not a readiness check; choose from database, migrations, workers, queue.';
    expect(body).toEqual({ error: `only: ${message}`, fields: { only: message } });
  });
});
