// A query parameter given twice is refused with a 400 naming it (no parameter of the API is
// repeatable; a list is one value, separated by commas), rather than reduced to its last value:
// `/api/ready?only=database&only=workers` checked the workers alone.
import { call, harness } from './route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as getPractice } from '@/app/api/questions/[id]/practice/route';
import { GET as getStatuses } from '@/app/api/questions/statuses/route';
import { GET as ready } from '@/app/api/ready/route';
import { GET as listTopics } from '@/app/api/topics/route';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

beforeEach(async () => {
  await resetDatabase();
  harness.user = null;
});

const get = (handler: unknown, path: string, query: string) => call(handler as never, { method: 'GET', path, params: {}, query });

describe('a repeated query parameter', () => {
  it('is a 400 naming it, on every API that reads a query', async () => {
    const id = '0b6c3f9e-5a41-4c1e-9d3a-2f7b8e6d1c20';
    harness.user = { id: (await prisma.user.create({ data: { email: 'candidate@example.com' }, select: { id: true } })).id };
    for (const [handler, path, query, name] of [
      [ready, '/api/ready', '?only=database&only=workers', 'only'],
      [listTopics, '/api/topics', '?role=x&role=y', 'role'],
      [getStatuses, '/api/questions/statuses', `?ids=${id}&ids=x`, 'ids'],
      [getPractice, `/api/questions/${id}/practice`, `?attempt=${id}&attempt=x`, 'attempt'],
    ] as const) {
      const response = await call(handler as never, { method: 'GET', path, params: path.endsWith('/practice') ? { id } : {}, query });
      expect(response.status, path).toBe(400);
      const message = `Give ${name} once: it appears 2 times in the query.`;
      expect(await response.json()).toEqual({ error: message, fields: { [name]: message } });
    }
  });

  it('leaves a parameter given once, and a list in one value, as they were', async () => {
    const response = await get(ready, '/api/ready', '?only=database,migrations');
    expect(Object.keys((await response.json()).checks).sort()).toEqual(['database', 'migrations']);
  });
});
