// A finished mock interview's report could not be found again once the candidate left it: /mock
// listed only interviews still running. Past ones are listed now, newest first: finished (the
// report) and those whose clock ran out unfinished; never a running one, never another user's.
import { beforeEach, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { listPastMocks, PAST_MOCKS_SHOWN } from '@/server/mock/list-past-mocks';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string };
let other: { id: string };
let topicId: string;

beforeEach(async () => {
  await resetDatabase();
  candidate = await prisma.user.create({ data: { email: 'past-mocks@example.com' }, select: { id: true } });
  other = await prisma.user.create({ data: { email: 'someone-else@example.com' }, select: { id: true } });
  topicId = (await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } })).id;
});

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function session(userId: string, startedMinutesAgo: number, { finished = false, minutes = 15 } = {}) {
  const startedAt = minutesAgo(startedMinutesAgo);
  const endsAt = new Date(startedAt.getTime() + minutes * 60_000);
  const row = await prisma.mockSession.create({
    data: { userId, topicId, questionIds: [], minutes, startedAt, endsAt, finishedAt: finished ? new Date(startedAt.getTime() + 60_000) : null },
    select: { id: true },
  });
  return row.id;
}

it('lists finished and timed-out interviews newest first, without running ones or anyone else’s', async () => {
  const finishedOld = await session(candidate.id, 120, { finished: true });
  const timedOut = await session(candidate.id, 60);
  const finishedNew = await session(candidate.id, 30, { finished: true });
  await session(candidate.id, 5); // still running: its clock ends in 10 minutes
  await session(other.id, 10, { finished: true });

  const past = await listPastMocks({ actor: candidate });
  expect(past.map((m) => m.id)).toEqual([finishedNew, timedOut, finishedOld]);
  expect(past[0]).toMatchObject({ topicName: 'Ops', minutes: 15, finishedAt: expect.any(Date) });
  expect(past[1]!.finishedAt).toBeNull();
});

it(`shows the latest ${PAST_MOCKS_SHOWN}`, async () => {
  for (let i = 0; i < PAST_MOCKS_SHOWN + 3; i++) await session(candidate.id, 100 + i, { finished: true });
  const past = await listPastMocks({ actor: candidate });
  expect(past).toHaveLength(PAST_MOCKS_SHOWN);
  expect(past[0]!.startedAt.getTime()).toBeGreaterThan(past[PAST_MOCKS_SHOWN - 1]!.startedAt.getTime());
});
