// Importing a question as a copy when a thousand copies of it exist already: the next slug is
// `-copy-1000`, still a valid slug within the 120-character limit (it was 121 characters, which
// the slug schema and everything reading slugs from addresses refuse).
import { beforeEach, expect, it } from 'vitest';
import { copySlugCandidate } from '@/server/bundles/copy-slug';
import { planBundleImport } from '@/server/bundles/plan-bundle-import';
import type { Bundle } from '@/server/bundles/schemas';
import { prisma } from '@/server/db';
import { SlugSchema } from '@/server/questions/schemas';
import { resetDatabase } from '../../support/reset-database';

const ORIGINAL = `${'abcdefghi-'.repeat(11)}abcdefghij`;

beforeEach(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  const slugs = [ORIGINAL, ...Array.from({ length: 999 }, (_, i) => copySlugCandidate(ORIGINAL, i + 1))];
  await prisma.question.createMany({
    data: slugs.map((slug, position) => ({ slug, topicId: topic.id, position, prompt: `Question ${position}?`, difficulty: 'EASY' as const, type: 'TECHNICAL' as const, answerKind: 'WRITTEN' as const })),
  });
});

it('gives the thousandth copy of a 120-character slug a slug within the limit', async () => {
  const bundle = { topic: { slug: 'ops-copy' }, questions: [{ slug: ORIGINAL }] } as unknown as Bundle;
  const plan = await planBundleImport(bundle, 'copy', prisma);
  const slug = plan.apply[0]!.question.slug;
  expect(slug).toMatch(/-copy-1000$/);
  expect(slug.length).toBeLessThanOrEqual(120);
  expect(SlugSchema.safeParse(slug).success).toBe(true);
  expect(await prisma.question.count({ where: { slug } })).toBe(0);
  expect(plan.apply[0]!.copiedFrom).toBe(ORIGINAL);
});
