// GET /api/questions?topic=&page=: a page past the last is an empty page, with the page asked for
// and the pageCount, whether or not the caller is signed in; the anonymous preview (page 1 of 1)
// stays the only questions an anonymous caller gets, and `locked` counts the rest on every page.
import { call, harness } from './route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as listQuestions } from '@/app/api/questions/route';
import { prisma } from '@/server/db';
import { env } from '@/server/env';
import { TOPIC_PAGE_SIZE } from '@/server/topics/get-topic';
import { resetDatabase } from '../../support/reset-database';

const COUNT = TOPIC_PAGE_SIZE + 3;
let userId = '';

beforeEach(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  await prisma.question.createMany({
    data: Array.from({ length: COUNT }, (_, position) => ({
      slug: `q-${position}`, topicId: topic.id, position, prompt: `Question ${position}?`, difficulty: 'EASY' as const, type: 'TECHNICAL' as const, answerKind: 'WRITTEN' as const, published: true,
    })),
  });
  userId = (await prisma.user.create({ data: { email: 'candidate@example.com' }, select: { id: true } })).id;
  harness.user = null;
});

async function page(n: number) {
  const response = await call(listQuestions as never, { method: 'GET', path: '/api/questions', params: {}, query: `?topic=ops&page=${n}` });
  expect(response.status).toBe(200);
  const body = await response.json();
  return { ...body, slugs: body.questions.map((q: { slug: string }) => q.slug) };
}

describe('GET /api/questions pages', () => {
  it('signed in: every question on pages 1 and 2, an empty page 3', async () => {
    harness.user = { id: userId };
    expect(await page(1)).toMatchObject({ total: COUNT, locked: 0, page: 1, pageCount: 2 });
    expect((await page(2)).slugs).toEqual(['q-50', 'q-51', 'q-52']);
    expect(await page(3)).toMatchObject({ total: COUNT, locked: 0, page: 3, pageCount: 2, questions: [] });
  });

  it('anonymous: the preview on page 1, and an empty page past it, never more questions', async () => {
    const preview = env.PREVIEW_QUESTION_COUNT;
    const first = await page(1);
    expect(first).toMatchObject({ total: COUNT, locked: COUNT - preview, page: 1, pageCount: 1 });
    expect(first.slugs).toEqual(Array.from({ length: preview }, (_, i) => `q-${i}`));
    for (const n of [2, 3]) {
      expect(await page(n)).toMatchObject({ total: COUNT, locked: COUNT - preview, page: n, pageCount: 1, questions: [] });
    }
  });
});
