// Read verbs behind public pages (/roles/…, /categories/…, /topics/…, /questions/…) answer "none"
// for a slug no row can have, such as one with a NUL from the address, without asking Postgres
// (which fails outright on a NUL, and was logged as an error before the page's 404).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { getQuestion } from '@/server/questions/get-question';
import { isSlug } from '@/server/questions/schemas';
import { seedBank } from '@/server/seeding/seed-bank';
import { getCategory } from '@/server/taxonomy/get-category';
import { getRole } from '@/server/taxonomy/get-role';
import { getTopic } from '@/server/topics/get-topic';
import { resetDatabase } from '../../support/reset-database';

beforeAll(async () => {
  await resetDatabase();
  await seedBank();
});

const BAD = ['\u0000', 'a\u0000b', 'a\u0001b', 'Not A Slug', 'x'.repeat(121)];

describe('slugs from the address', () => {
  it.each(BAD)('finds no role, category, topic or question for %j', async (slug) => {
    expect(await getRole({ slug })).toBeNull();
    expect(await getCategory({ slug })).toBeNull();
    expect(await getTopic({ slug })).toBeNull();
    expect(await getQuestion({ slug })).toBeNull();
  });

  it('still finds every seeded row by its slug (they all have the shape)', async () => {
    const slugs = [
      ...(await prisma.jobRole.findMany({ select: { slug: true } })),
      ...(await prisma.category.findMany({ select: { slug: true } })),
      ...(await prisma.topic.findMany({ select: { slug: true } })),
      ...(await prisma.question.findMany({ select: { slug: true } })),
    ].map((row) => row.slug);
    expect(slugs.filter((slug) => !isSlug(slug))).toEqual([]);
    const role = await prisma.jobRole.findFirstOrThrow({ select: { slug: true } });
    expect(await getRole({ slug: role.slug })).toMatchObject({ slug: role.slug });
    const question = await prisma.question.findFirstOrThrow({ where: { published: true }, select: { slug: true } });
    expect(await getQuestion({ slug: question.slug })).toMatchObject({ slug: question.slug });
  });
});
