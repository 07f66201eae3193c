// The taxonomy's JSON API and read verbs against the seeded bank: GET /api/roles, GET
// /api/topics?role= (400 for a malformed slug, 404 for an unknown role, the plain list unchanged
// without one), and the role and category pages' verbs.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listRolesRoute } from '@/app/api/roles/route';
import { GET as listTopicsRoute } from '@/app/api/topics/route';
import { prisma } from '@/server/db';
import { seedBank } from '@/server/seeding/seed-bank';
import { getCategory } from '@/server/taxonomy/get-category';
import { getRole } from '@/server/taxonomy/get-role';
import { resetDatabase } from '../../support/reset-database';

const get = async (handler: typeof listTopicsRoute, url: string) => {
  const response = await handler(new Request(`http://localhost${url}`), undefined);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  await resetDatabase();
  await seedBank();
});

describe('GET /api/roles', () => {
  it('lists the roles in order with their topic counts', async () => {
    const { status, body } = await get(listRolesRoute, '/api/roles');
    expect(status).toBe(200);
    const roles = body.roles as { slug: string; name: string; topicCount: number }[];
    expect(roles[0]).toMatchObject({ slug: 'site-reliability-engineer', name: 'Site Reliability Engineer' });
    const devops = roles.find((r) => r.slug === 'devops-engineer')!;
    expect(devops.topicCount).toBe(await prisma.topicJobRole.count({ where: { role: { slug: 'devops-engineer' } } }));
  });
});

describe('GET /api/topics', () => {
  it('filters by role, naming each topic’s category and roles', async () => {
    const { status, body } = await get(listTopicsRoute, '/api/topics?role=devops-engineer');
    expect(status).toBe(200);
    const topics = body.topics as { slug: string; questionCount: number; category: { slug: string }; roles: { slug: string }[] }[];
    const seedTopic = topics.find((t) => t.slug === 'production-deployments-and-operations')!;
    expect(seedTopic).toMatchObject({ questionCount: 5, category: { slug: 'delivery-and-infrastructure' } });
    expect(topics.every((t) => t.roles.some((r) => r.slug === 'devops-engineer'))).toBe(true);
  });

  it('filters by category', async () => {
    const { body } = await get(listTopicsRoute, '/api/topics?category=delivery-and-infrastructure');
    const topics = body.topics as { category: { slug: string } }[];
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.every((t) => t.category.slug === 'delivery-and-infrastructure')).toBe(true);
  });

  it('answers 400 with a message for a malformed role and 404 for an unknown one', async () => {
    const malformed = await get(listTopicsRoute, '/api/topics?role=Not%20A%20Slug!');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/lower-case letters/);
    const unknown = await get(listTopicsRoute, '/api/topics?role=astronaut');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('There is no role "astronaut". GET /api/roles lists them.');
  });

  it('keeps the unfiltered list as it was', async () => {
    const { status, body } = await get(listTopicsRoute, '/api/topics');
    expect(status).toBe(200);
    const topics = body.topics as Record<string, unknown>[];
    expect(Object.keys(topics[0]!).sort()).toEqual(['description', 'id', 'name', 'questionCount', 'slug']);
    expect(topics.length).toBe(await prisma.topic.count());
  });
});

describe('role and category pages', () => {
  it('a role lists its topics grouped by category order, and an unknown one is null', async () => {
    const role = await getRole({ slug: 'site-reliability-engineer' });
    expect(role!.topics.map((t) => t.slug)).toContain('production-deployments-and-operations');
    const positions = await prisma.category.findMany({ select: { slug: true, position: true } });
    const order = role!.topics.map((t) => positions.find((p) => p.slug === t.category?.slug)!.position);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await getRole({ slug: 'astronaut' })).toBeNull();
  });

  it('a category lists its published topics only', async () => {
    const before = await getCategory({ slug: 'delivery-and-infrastructure' });
    await prisma.topic.update({ where: { slug: 'production-deployments-and-operations' }, data: { published: false } });
    const after = await getCategory({ slug: 'delivery-and-infrastructure' });
    await prisma.topic.update({ where: { slug: 'production-deployments-and-operations' }, data: { published: true } });
    expect(before!.topics.length - after!.topics.length).toBe(1);
  });
});
