// Seeding our own topics (seeds/topics) and the taxonomy against a real Postgres: an empty bank
// gets every topic with its questions at 0 practised and the seed topic unchanged; seeding again
// adds only questions the bank does not have, never overwrites what admins changed, and never
// lowers a count; a topic listed in the taxonomy without a seed file is skipped.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';

const seedDir = path.join(process.cwd(), 'seeds');
const SEED_TOPIC = 'production-deployments-and-operations';
const topicFiles = readdirSync(path.join(seedDir, 'topics')).filter((f) => f.endsWith('.json')).sort();
const readTopic = (dir: string, file: string) => JSON.parse(readFileSync(path.join(dir, 'topics', file), 'utf8')) as { slug: string; questions: string[] };
const first = readTopic(seedDir, topicFiles[0]!);

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function copySeeds(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-seeds-'));
  tempDirs.push(dir);
  cpSync(seedDir, dir, { recursive: true });
  return dir;
}

beforeEach(resetDatabase);

describe('seeding the seed topics', () => {
  it('gives an empty bank every seed topic, its questions in order at 0 practised with published material, and the taxonomy', async () => {
    const summaries = await seedBank();
    expect(summaries[0]).toEqual({ topic: SEED_TOPIC, created: 5, updated: 0, kept: [] });
    const seedTopic = await prisma.topic.findUniqueOrThrow({
      where: { slug: SEED_TOPIC },
      select: { category: { select: { slug: true } }, questions: { orderBy: { position: 'asc' }, select: { seededPracticeCount: true } } },
    });
    expect(seedTopic.questions.map((q) => q.seededPracticeCount)).toEqual([39, 41, 40, 51, 39]);
    expect(seedTopic.category?.slug).toBe('delivery-and-infrastructure');

    for (const file of topicFiles) {
      const expected = readTopic(seedDir, file);
      expect(summaries).toContainEqual({ topic: expected.slug, created: expected.questions.length, updated: 0, kept: [] });
      const topic = await prisma.topic.findUniqueOrThrow({
        where: { slug: expected.slug },
        select: {
          categoryId: true,
          roles: { select: { roleId: true } },
          questions: { orderBy: { position: 'asc' }, select: { slug: true, answerKind: true, seededPracticeCount: true, practicedByUsers: true, versions: { select: { version: true, publishedAt: true, rubric: true, harness: true } } } },
        },
      });
      expect(topic.categoryId).not.toBeNull();
      expect(topic.roles.length).toBeGreaterThan(0);
      expect(topic.questions.map((q) => q.slug)).toEqual(expected.questions);
      for (const q of topic.questions) {
        expect(q.seededPracticeCount + q.practicedByUsers).toBe(0);
        expect(q.versions).toHaveLength(1);
        expect(q.versions[0]!.publishedAt).not.toBeNull();
        // Written: the rubric from the bundle; code: the harness from seed-content.ts.
        expect(q.answerKind === 'WRITTEN' ? q.versions[0]!.rubric : q.versions[0]!.harness, q.slug).not.toBeNull();
      }
    }
    expect(await prisma.jobRole.count()).toBeGreaterThanOrEqual(4);
  });

  it('adds nothing twice and overwrites nothing admins changed', async () => {
    await seedBank();
    const [renamed, deleted] = first.questions;
    await prisma.topic.update({ where: { slug: first.slug }, data: { name: 'Renamed by an admin' } });
    await prisma.question.update({ where: { slug: renamed! }, data: { prompt: 'Edited by an admin.', seededPracticeCount: 7 } });
    await prisma.question.update({ where: { slug: deleted! }, data: { deletedAt: new Date() } });
    const versions = await prisma.questionVersion.count();

    const again = await seedBank();
    expect(again.filter((s) => s.topic !== SEED_TOPIC).every((s) => s.created === 0)).toBe(true);
    expect(await prisma.questionVersion.count()).toBe(versions);
    expect((await prisma.topic.findUniqueOrThrow({ where: { slug: first.slug }, select: { name: true } })).name).toBe('Renamed by an admin');
    expect(await prisma.question.findUniqueOrThrow({ where: { slug: renamed! }, select: { prompt: true, seededPracticeCount: true } })).toEqual({ prompt: 'Edited by an admin.', seededPracticeCount: 7 });
    expect((await prisma.question.findUniqueOrThrow({ where: { slug: deleted! }, select: { deletedAt: true } })).deletedAt).not.toBeNull();
  });

  it('adds a question that is new to the seeds to an existing bank, in its place', async () => {
    const dir = copySeeds();
    const file = path.join(dir, 'topics', topicFiles[0]!);
    const last = first.questions.at(-1)!;
    writeFileSync(file, JSON.stringify({ ...readTopic(seedDir, topicFiles[0]!), questions: first.questions.slice(0, -1) }));
    await seedBank({ dir });
    expect(await prisma.question.findUnique({ where: { slug: last }, select: { id: true } })).toBeNull();

    writeFileSync(file, JSON.stringify(readTopic(seedDir, topicFiles[0]!)));
    const summaries = await seedBank({ dir });
    expect(summaries).toContainEqual({ topic: first.slug, created: 1, updated: 0, kept: [] });
    const added = await prisma.question.findUniqueOrThrow({ where: { slug: last }, select: { position: true, seededPracticeCount: true, topic: { select: { slug: true } } } });
    expect(added).toEqual({ position: first.questions.length - 1, seededPracticeCount: 0, topic: { slug: first.slug } });
  });

  it('skips a topic the taxonomy lists before its seed file exists, and leaves a deleted topic deleted', async () => {
    const dir = copySeeds();
    const taxonomyFile = path.join(dir, 'taxonomy.json');
    const taxonomy = JSON.parse(readFileSync(taxonomyFile, 'utf8')) as { topics: { slug: string; category: string; roles: string[] }[] };
    taxonomy.topics.push({ slug: 'not-written-yet', category: taxonomy.topics[0]!.category, roles: taxonomy.topics[0]!.roles });
    writeFileSync(taxonomyFile, JSON.stringify(taxonomy));
    await seedBank({ dir });
    expect(await prisma.topic.findUnique({ where: { slug: 'not-written-yet' }, select: { id: true } })).toBeNull();

    await prisma.topic.update({ where: { slug: first.slug }, data: { deletedAt: new Date() } });
    const summaries = await seedBank({ dir });
    expect(summaries).toContainEqual({ topic: first.slug, created: 0, updated: 0, kept: [] });
    expect((await prisma.topic.findUniqueOrThrow({ where: { slug: first.slug }, select: { deletedAt: true } })).deletedAt).not.toBeNull();
  });

  it('rejects a broken question file by name and imports nothing', async () => {
    const dir = copySeeds();
    const questionFile = path.join(dir, 'content', first.questions[0]!, 'question.json');
    writeFileSync(questionFile, JSON.stringify({ ...JSON.parse(readFileSync(questionFile, 'utf8')), difficulty: 'Tricky' }));
    const error = await seedBank({ dir }).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`${first.questions[0]}/question.json: difficulty`);
    expect(await prisma.question.count()).toBe(0);
  });
});
