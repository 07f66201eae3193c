// The session check behind every signed-in request (src/server/auth.ts getSessionUser): a real
// next-auth session cookie, checked against the user row in one query, so a changed role shows at
// once and a disabled account or a bumped session version (password change) ends the session.
import { call, harness, ORIGIN } from './route-harness';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as submit } from '@/app/api/attempts/route';
import { GET as listQuestions } from '@/app/api/questions/route';
import { GET as listTopics } from '@/app/api/topics/route';
import { getSessionUser } from '@/server/auth';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

let userId = '';

beforeEach(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  for (const [position, slug] of ['one', 'two', 'three', 'four', 'five', 'six', 'seven'].entries()) {
    await prisma.question.create({
      data: { slug, topicId: topic.id, position, prompt: `Question ${slug}?`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', published: true, seededPracticeCount: 10 },
    });
  }
  userId = (await prisma.user.create({ data: { email: 'candidate@example.com' }, select: { id: true } })).id;
  harness.user = null;
});

const get = (handler: typeof listTopics, path: string, query = '') => call(handler as never, { method: 'GET', path, params: {}, query });

describe('the session check', () => {
  it('knows the user from their cookie and reads the role as it is now', async () => {
    harness.user = { id: userId };
    await get(listTopics, '/api/topics');
    expect(await getSessionUser()).toMatchObject({ id: userId, email: 'candidate@example.com', role: 'CANDIDATE' });
    await prisma.user.update({ where: { id: userId }, data: { role: 'ADMIN' } });
    expect(await getSessionUser()).toMatchObject({ id: userId, role: 'ADMIN' });
  });

  it('costs one query on the user row, by primary key', async () => {
    harness.user = { id: userId };
    await get(listTopics, '/api/topics');
    const findUnique = vi.spyOn(prisma.user, 'findUnique');
    const findFirst = vi.spyOn(prisma.user, 'findFirst');
    try {
      expect(await getSessionUser()).toMatchObject({ id: userId });
      expect(findUnique).toHaveBeenCalledTimes(1);
      expect(findUnique.mock.calls[0]?.[0]).toMatchObject({ where: { id: userId } });
      expect(findFirst).not.toHaveBeenCalled();
    } finally {
      findUnique.mockRestore();
      findFirst.mockRestore();
    }
  });

  it('ends a session whose account was disabled or whose session version moved on', async () => {
    harness.user = { id: userId };
    await get(listTopics, '/api/topics');
    await prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await getSessionUser()).toBeNull();
    harness.user = { id: userId, sessionVersion: 1 };
    await get(listTopics, '/api/topics');
    expect(await getSessionUser()).toMatchObject({ id: userId });
    await prisma.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await getSessionUser()).toBeNull();
  });

  it('treats no cookie, or a cookie it cannot decrypt, as signed out', async () => {
    await get(listTopics, '/api/topics');
    expect(await getSessionUser()).toBeNull();
    harness.user = { id: userId };
    await get(listTopics, '/api/topics');
    harness.sessionCookie = { name: 'next-auth.session-token', value: `${harness.sessionCookie!.value.slice(0, -4)}AAAA` };
    expect(await getSessionUser()).toBeNull();
  });
});

describe('public read APIs and shared caches', () => {
  it('lets a shared cache keep the anonymous answer briefly, never a signed-in one', async () => {
    const anonymous = await get(listQuestions, '/api/questions', '?topic=ops');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control')).toMatch(/^public, .*s-maxage=2/);
    expect(await anonymous.json()).toMatchObject({ total: 7, locked: 2 });
    const topics = await get(listTopics, '/api/topics');
    expect(topics.headers.get('cache-control')).toMatch(/^public/);

    harness.user = { id: userId };
    const signedIn = await get(listQuestions, '/api/questions', '?topic=ops');
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(await signedIn.json()).toMatchObject({ total: 7, locked: 0 });
    expect((await get(listTopics, '/api/topics')).headers.get('cache-control')).toBe('private, no-store');
  });

  it('answers 404 for a topic that does not exist and 400 for a malformed slug', async () => {
    expect((await get(listQuestions, '/api/questions', '?topic=nope')).status).toBe(404);
    expect((await get(listQuestions, '/api/questions', '?topic=Not%20A%20Slug')).status).toBe(400);
  });
});

// POST /api/attempts checks the session beside its lookups of the question (one round trip fewer,
// auth.ts startUserCheck) and still refuses before anything is read or stored.
describe('the submit\'s session check', () => {
  const answer = 'A canary sends a small share of real traffic to the new version and widens it while its error rate and latency stay within the baseline.';
  const post = async (body: unknown) => {
    const question = await prisma.question.findFirstOrThrow({ where: { slug: 'one' }, select: { id: true } });
    return call(submit as never, { method: 'POST', path: '/api/attempts', params: {}, headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify(body ?? { questionId: question.id, answer }) });
  };

  it('stores the answer of a current session', async () => {
    harness.user = { id: userId };
    expect((await post(undefined)).status).toBe(202);
    expect(await prisma.attempt.count({ where: { userId } })).toBe(1);
  });

  it('refuses a request without a session before reading anything, even with a malformed body', async () => {
    const reads = [vi.spyOn(prisma.question, 'findFirst'), vi.spyOn(prisma.questionVersion, 'findFirst'), vi.spyOn(prisma.user, 'findUnique')];
    try {
      expect((await post(undefined)).status).toBe(401);
      expect((await post({ questionId: 'not-a-uuid' })).status).toBe(401);
      for (const read of reads) expect(read).not.toHaveBeenCalled();
    } finally {
      for (const read of reads) read.mockRestore();
    }
  });

  it('refuses an ended session with 401 although the question was looked up beside the check, and stores nothing', async () => {
    harness.user = { id: userId };
    await prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect((await post(undefined)).status).toBe(401);
    await prisma.user.update({ where: { id: userId }, data: { sessionVersion: 0, disabledAt: new Date() } });
    const missing = await post({ questionId: '00000000-0000-4000-8000-000000000000', answer });
    expect(missing.status).toBe(401);
    // A malformed body too: the ended session is told first.
    expect((await post({ questionId: 'not-a-uuid' })).status).toBe(401);
    expect(await prisma.attempt.count()).toBe(0);
  });
});
