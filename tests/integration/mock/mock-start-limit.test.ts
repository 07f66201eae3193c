// Starting mock interviews had no limit: five concurrent starts made five sessions, and a script
// could make any number. A candidate may have three running (not finished, clock not run out);
// concurrent starts cannot all pass the count, and a finished or expired one frees its place.
// Finishing one at once freed its place, so a loop of start and finish still made sessions without
// end (40 in under a second): starts are also capped per hour, finished or not.
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { TooManyRequestsError } from '@/server/errors';
import { errorResponse } from '@/server/http';
import { finishMockSession } from '@/server/mock/finish-mock-session';
import { listRunningMocks } from '@/server/mock/list-running-mocks';
import { MAX_MOCK_STARTS_PER_HOUR, MAX_RUNNING_MOCKS } from '@/server/mock/schemas';
import { startMockSession } from '@/server/mock/start-mock-session';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string };
let topicId: string;

beforeEach(async () => {
  await resetDatabase();
  candidate = await prisma.user.create({ data: { email: 'mock-limit@example.com' }, select: { id: true } });
  topicId = (await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } })).id;
  for (let i = 0; i < 4; i++) {
    const q = await prisma.question.create({ data: { slug: `q-${i}`, topicId, prompt: `Question ${i}`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' }, select: { id: true } });
    await prisma.questionVersion.create({ data: { questionId: q.id, version: 1, publishedAt: new Date(), rubric: { id: 'r', version: 1 } } });
  }
});

const start = () => startMockSession({ actor: candidate, input: { topicId, length: 'short' } });

describe('starting mock interviews', () => {
  it('lets five concurrent starts make only the three allowed, refusing the rest with when to retry', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, start));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(MAX_RUNNING_MOCKS);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect(error).toBeInstanceOf(TooManyRequestsError);
      expect((error as TooManyRequestsError).message).toMatch(/^You have 3 mock interviews in progress\. Finish one .* wait for the first to end in 15 min/);
      expect((error as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(14 * 60);
    }
    expect(await prisma.mockSession.count()).toBe(MAX_RUNNING_MOCKS);
    expect(await listRunningMocks({ actor: candidate })).toHaveLength(MAX_RUNNING_MOCKS);
  });

  it('frees a place when an interview is finished or its clock has run out', async () => {
    const ids = [(await start()).id, (await start()).id, (await start()).id];
    await expect(start()).rejects.toBeInstanceOf(TooManyRequestsError);
    await prisma.mockSession.update({ where: { id: ids[0] }, data: { finishedAt: new Date() } });
    await expect(start()).resolves.toMatchObject({ id: expect.any(String) });
    await prisma.mockSession.update({ where: { id: ids[1] }, data: { endsAt: new Date(Date.now() - 1000) } });
    await expect(start()).resolves.toMatchObject({ id: expect.any(String) });
    await expect(start()).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it('refuses a start past the hourly limit even when each was finished at once, with when to retry', async () => {
    for (let i = 0; i < MAX_MOCK_STARTS_PER_HOUR; i++) {
      const { id } = await start();
      await finishMockSession({ actor: { ...candidate, role: 'CANDIDATE' }, input: { id, body: { answers: [] } } });
    }
    expect(await listRunningMocks({ actor: candidate })).toHaveLength(0);
    const refused = await start().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as Error).message).toBe(
      `You have started ${MAX_MOCK_STARTS_PER_HOUR} mock interviews in the last hour (the limit is ${MAX_MOCK_STARTS_PER_HOUR}). You can start another in 60 min.`,
    );
    const response = errorResponse(refused);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(59 * 60);
    expect(await prisma.mockSession.count()).toBe(MAX_MOCK_STARTS_PER_HOUR);

    // Once the first start is more than an hour old, there is room for one more.
    const first = await prisma.mockSession.findFirstOrThrow({ orderBy: { startedAt: 'asc' }, select: { id: true } });
    await prisma.mockSession.update({ where: { id: first.id }, data: { startedAt: new Date(Date.now() - 61 * 60_000) } });
    await expect(start()).resolves.toMatchObject({ id: expect.any(String) });
    await expect(start()).rejects.toBeInstanceOf(TooManyRequestsError);
  });
});
