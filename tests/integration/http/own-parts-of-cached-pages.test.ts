// The reader's own parts of a page served from the member copy of the page cache (decision 017):
// GET /api/account (name and role for the header), GET /api/questions/<id>/practice (their
// attempts, the one to restore, the model answer once revealed) and GET /api/questions/statuses
// (their standing on a list). Each checks the session fully and returns only the caller's data;
// the practice state of a question that is not (or no longer) there is a 404.
import { call, harness } from './route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as getAccount } from '@/app/api/account/route';
import { GET as getPractice } from '@/app/api/questions/[id]/practice/route';
import { GET as getStatuses } from '@/app/api/questions/statuses/route';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

const ids = { questions: [] as string[], version: '', owner: '', other: '' };

beforeEach(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.', published: true }, select: { id: true } });
  ids.questions = [];
  for (const [position, slug] of ['one', 'two', 'three'].entries()) {
    const question = await prisma.question.create({
      data: { slug, topicId: topic.id, position, prompt: `Question ${slug}?`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', published: true },
      select: { id: true },
    });
    ids.questions.push(question.id);
  }
  ids.version = (
    await prisma.questionVersion.create({
      data: { questionId: ids.questions[0]!, version: 1, rubric: { v: 1 }, modelAnswer: 'Canary first.', publishedAt: new Date() },
      select: { id: true },
    })
  ).id;
  ids.owner = (await prisma.user.create({ data: { email: 'owner@example.com', name: 'Olive' }, select: { id: true } })).id;
  ids.other = (await prisma.user.create({ data: { email: 'other@example.com', role: 'ADMIN' }, select: { id: true } })).id;
  harness.user = null;
});

const attempt = (userId: string, status: 'PASSED' | 'FAILED' | 'QUEUED', answer: string, questionId = ids.questions[0]!) =>
  prisma.attempt.create({ data: { userId, questionId, questionVersionId: ids.version, answer, answerKind: 'WRITTEN', status }, select: { id: true } });

const practice = (questionId: string, query = '') => call(getPractice as never, { method: 'GET', path: `/api/questions/${questionId}/practice`, params: { id: questionId }, query });
const statuses = (query: string) => call(getStatuses as never, { method: 'GET', path: '/api/questions/statuses', params: {}, query });

describe('the reader’s own parts of a cached page', () => {
  it('answer 401 to a signed-out caller, private to a signed-in one', async () => {
    for (const response of [await call(getAccount as never, { method: 'GET', path: '/api/account', params: {} }), await practice(ids.questions[0]!), await statuses(`?ids=${ids.questions[0]}`)]) {
      expect(response.status).toBe(401);
    }
    harness.user = { id: ids.owner };
    const account = await call(getAccount as never, { method: 'GET', path: '/api/account', params: {} });
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toBe('private, no-store');
    expect(await account.json()).toEqual({ user: { name: 'Olive', email: 'owner@example.com', role: 'CANDIDATE' } });
  });

  it('give the caller their own attempts, the latest or the one asked for, and never someone else’s', async () => {
    const first = await attempt(ids.owner, 'FAILED', 'my first answer');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await attempt(ids.owner, 'PASSED', 'my second answer');
    const foreign = await attempt(ids.other, 'PASSED', 'someone else’s answer');
    harness.user = { id: ids.owner };

    const latest = await practice(ids.questions[0]!);
    expect(latest.status).toBe(200);
    expect(latest.headers.get('cache-control')).toBe('private, no-store');
    const state = (await latest.json()) as { latestAttempt: { id: string; answer: string }; attempts: { id: string }[]; canRevealModelAnswer: boolean; modelAnswer: string | null };
    expect(state.latestAttempt).toMatchObject({ id: second.id, answer: 'my second answer' });
    expect(state.attempts.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(state).toMatchObject({ canRevealModelAnswer: true, modelAnswer: null });

    const asked = (await (await practice(ids.questions[0]!, `?attempt=${first.id}`)).json()) as typeof state;
    expect(asked.latestAttempt).toMatchObject({ id: first.id, answer: 'my first answer' });
    // Another candidate's attempt id, or junk, falls back to the caller's latest.
    for (const wanted of [foreign.id, 'not-an-id']) {
      const fallback = (await (await practice(ids.questions[0]!, `?attempt=${encodeURIComponent(wanted)}`)).json()) as typeof state;
      expect(fallback.latestAttempt?.id).toBe(second.id);
    }
    expect((await practice('not-a-uuid')).status).toBe(400);
  });

  it('answer a JSON 404 for a question that does not exist or is no longer published, as POST …/model-answer does', async () => {
    harness.user = { id: ids.owner };
    await prisma.question.update({ where: { id: ids.questions[1]! }, data: { published: false } });
    await prisma.question.update({ where: { id: ids.questions[2]! }, data: { deletedAt: new Date() } });
    for (const questionId of [crypto.randomUUID(), ids.questions[1]!, ids.questions[2]!]) {
      const response = await practice(questionId);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: 'That question does not exist or is no longer available.' });
    }
  });

  it('count a graded attempt older than the fifty in the history towards the model answer', async () => {
    await prisma.attempt.create({ data: { userId: ids.owner, questionId: ids.questions[0]!, questionVersionId: ids.version, answer: 'old', answerKind: 'WRITTEN', status: 'FAILED', createdAt: new Date('2026-01-01T00:00:00Z') } });
    await prisma.attempt.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({ userId: ids.owner, questionId: ids.questions[0]!, questionVersionId: ids.version, answer: `queued ${i}`, answerKind: 'WRITTEN' as const, status: 'INFRA_ERROR' as const, createdAt: new Date(Date.UTC(2026, 5, 1, 0, i)) })),
    });
    harness.user = { id: ids.owner };
    const state = (await (await practice(ids.questions[0]!)).json()) as { attempts: { status: string }[]; canRevealModelAnswer: boolean };
    expect(state.attempts).toHaveLength(50);
    expect(state.attempts.every((a) => a.status === 'INFRA_ERROR')).toBe(true);
    expect(state.canRevealModelAnswer).toBe(true);
    harness.user = { id: ids.other };
    expect(((await (await practice(ids.questions[0]!)).json()) as { canRevealModelAnswer: boolean }).canRevealModelAnswer).toBe(false);
  });

  it('mark each listed question new, tried or passed for the caller alone, and refuse a malformed list', async () => {
    await attempt(ids.owner, 'FAILED', 'tried once', ids.questions[1]!);
    await attempt(ids.owner, 'PASSED', 'passed', ids.questions[2]!);
    await attempt(ids.other, 'PASSED', 'not yours', ids.questions[0]!);
    harness.user = { id: ids.owner };
    const response = await statuses(`?ids=${ids.questions.join(',')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect((await response.json()).statuses).toEqual({ [ids.questions[0]!]: 'new', [ids.questions[1]!]: 'tried', [ids.questions[2]!]: 'passed' });

    // An id in capitals is the same question, answered once, under the id in lower case.
    const shouted = await statuses(`?ids=${ids.questions[1]!.toUpperCase()},${ids.questions[0]},${ids.questions[1]}`);
    expect((await shouted.json()).statuses).toEqual({ [ids.questions[1]!]: 'tried', [ids.questions[0]!]: 'new' });

    for (const query of ['', '?ids=', '?ids=abc', `?ids=${Array.from({ length: 101 }, () => crypto.randomUUID()).join(',')}`]) {
      const refused = await statuses(query);
      expect(refused.status, query.slice(0, 40)).toBe(400);
      expect((await refused.json()).error).toMatch(/question id/);
    }
  });
});
