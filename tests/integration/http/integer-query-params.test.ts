// A whole number in an API address is plain decimal digits: ?page=0x10 and ?wait=1e1 answer 400
// saying so, instead of being read as page 16 or a ten-second wait (the schemas themselves are
// unit-tested in tests/unit/lib/integer-param.test.ts).
import { call, harness } from './route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as getAttempt } from '@/app/api/attempts/[id]/route';
import { GET as listQuestions } from '@/app/api/questions/route';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

beforeEach(async () => {
  await resetDatabase();
  harness.user = null;
});

describe('integer query parameters', () => {
  it('GET /api/questions refuses a page that is not written in digits', async () => {
    for (const page of ['0x10', '1e3']) {
      const response = await call(listQuestions as never, { method: 'GET', path: '/api/questions', params: {}, query: `?topic=ops&page=${page}` });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'page: Write the page in digits, e.g. page=2.', fields: { page: 'Write the page in digits, e.g. page=2.' } });
    }
  });

  it('GET /api/attempts/<id> refuses a wait that is not written in digits', async () => {
    harness.user = { id: (await prisma.user.create({ data: { email: 'candidate@example.com' }, select: { id: true } })).id };
    const id = '0b6c3f9e-5a41-4c1e-9d3a-2f7b8e6d1c20';
    for (const wait of ['0x10', '1e1']) {
      const response = await call(getAttempt as never, { method: 'GET', path: `/api/attempts/${id}`, params: { id }, query: `?wait=${wait}` });
      expect(response.status).toBe(400);
      expect((await response.json()).fields).toEqual({ wait: 'Write wait in digits, a number of seconds, e.g. wait=20.' });
    }
  });
});
