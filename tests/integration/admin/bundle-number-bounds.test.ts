// A bundle's practice count lands in an int4 column (and search adds users' practices to it in
// SQL): one beyond the bound is a 400 naming the field, and nothing is written, not a 500 from
// Postgres ("out of range for type integer").
import { call, harness, ORIGIN } from '../http/route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as importBundleRoute } from '@/app/api/admin/bundles/route';
import { MAX_SEEDED_PRACTICE_COUNT } from '@/server/questions/schemas';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin } from './fixtures';

beforeEach(async () => {
  await resetDatabase();
  harness.user = { id: (await makeAdmin()).id };
});

const bundle = (seededPracticeCount: number) => ({
  format: 'rehearse-bundle',
  formatVersion: 1,
  topic: { slug: 'ops', name: 'Operations', description: 'Running software.', published: true },
  questions: [
    {
      slug: 'canary',
      prompt: 'Explain canary releases.',
      difficulty: 'EASY',
      type: 'TECHNICAL',
      answerKind: 'WRITTEN',
      tags: [],
      published: false,
      seededPracticeCount,
      rubric: null,
      harness: null,
      modelAnswer: null,
      starterCode: null,
      validation: null,
      draft: null,
    },
  ],
});

const post = (body: unknown) =>
  call(importBundleRoute as never, { method: 'POST', path: '/api/admin/bundles', params: {}, headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify(body) });

describe('POST /api/admin/bundles with a practice count out of range', () => {
  it('answers 400 naming the field, and imports nothing', async () => {
    for (const count of [99_999_999_999, 2_147_483_648, MAX_SEEDED_PRACTICE_COUNT + 1]) {
      const response = await post(bundle(count));
      expect(response.status, String(count)).toBe(400);
      expect((await response.json()).errors).toEqual(['questions[0].seededPracticeCount: A practice count is at most 1,000,000,000.']);
    }
    expect(await prisma.topic.count()).toBe(0);
  });

  it('imports the largest count allowed', async () => {
    const response = await post(bundle(MAX_SEEDED_PRACTICE_COUNT));
    expect(response.status).toBe(200);
    expect(await prisma.question.findUniqueOrThrow({ where: { slug: 'canary' }, select: { seededPracticeCount: true } })).toEqual({ seededPracticeCount: MAX_SEEDED_PRACTICE_COUNT });
  });
});
