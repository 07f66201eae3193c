import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { SeedDocumentError } from '@/server/seeding/parse-seed-document';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';

const seedDir = path.join(process.cwd(), 'seeds');

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function seedsWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-seeds-'));
  tempDirs.push(dir);
  cpSync(seedDir, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const counts = async () =>
  Object.fromEntries(
    (await prisma.question.findMany({ select: { slug: true, seededPracticeCount: true } })).map((q) => [q.slug, q.seededPracticeCount]),
  );

beforeEach(resetDatabase);

describe('seedBank', () => {
  it('imports the seed topic and its five questions with their counts', async () => {
    const [summary] = await seedBank();
    expect(summary).toEqual({ topic: 'production-deployments-and-operations', created: 5, updated: 0, kept: [] });
    const topic = await prisma.topic.findUniqueOrThrow({
      where: { slug: 'production-deployments-and-operations' },
      select: { name: true, questions: { orderBy: { position: 'asc' }, select: { difficulty: true, seededPracticeCount: true, answerKind: true } } },
    });
    expect(topic.name).toBe('Production Deployments and Operations');
    expect(topic.questions.map((q) => q.seededPracticeCount)).toEqual([39, 41, 40, 51, 39]);
    expect(topic.questions.map((q) => q.difficulty)).toEqual(['EASY', 'EASY', 'MEDIUM', 'EASY', 'EASY']);
    expect(topic.questions.map((q) => q.answerKind)).toEqual(['WRITTEN', 'BASH', 'PYTHON', 'WRITTEN', 'WRITTEN']);
  });

  it('is idempotent: a second run creates nothing twice and changes nothing', async () => {
    await seedBank();
    const [second] = await seedBank();
    expect(second).toMatchObject({ created: 0, updated: 0, kept: [] });
    expect(await prisma.topic.count({ where: { slug: 'production-deployments-and-operations' } })).toBe(1);
    expect(await prisma.question.count({ where: { topic: { slug: 'production-deployments-and-operations' } } })).toBe(5);
  });

  it('never lowers a practice count that has grown since, but raises one the page raised', async () => {
    await seedBank();
    await prisma.question.update({ where: { slug: 'explain-canary-releases-contrast-blue-green' }, data: { seededPracticeCount: 100 } });
    const original = readFileSync(path.join(seedDir, '000_9f9baed13b1c1c11.txt'), 'utf8');
    const dir = seedsWith({ '000_9f9baed13b1c1c11.txt': original.replace('51 practiced', '60 practiced') });
    await seedBank({ dir });
    expect(await counts()).toMatchObject({
      'explain-canary-releases-contrast-blue-green': 100,
      'describe-feature-flags-feature-toggles-decouple': 60,
    });
  });

  it('rejects a malformed document by file and line and imports nothing at all', async () => {
    const dir = seedsWith({ '001_broken.txt': 'Broken Questions\n\nA description.\n\nEasyTechnical\nmany practiced\nText\n' });
    const error = await seedBank({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedDocumentError);
    expect((error as Error).message).toBe('seeds/001_broken.txt:6: expected "N practiced" after "EasyTechnical", found "many practiced"');
    expect(await prisma.question.count()).toBe(0);
    expect(await prisma.topic.count()).toBe(0);
  });
});

describe('seedMissingContent', () => {
  it('gives a bank seeded before the content existed its grading material, once', async () => {
    const { seedMissingContent } = await import('@/server/seeding/seed-bank');
    const dir = seedsWith({});
    rmSync(path.join(dir, 'content'), { recursive: true, force: true });
    // Seed topics carry their material with them; this is about the seed documents alone.
    rmSync(path.join(dir, 'topics'), { recursive: true, force: true });
    await seedBank({ dir });
    expect(await prisma.questionVersion.count()).toBe(0);

    const first = await seedMissingContent();
    expect(first.created).toHaveLength(5);
    expect(await prisma.questionVersion.count()).toBe(5);
    const second = await seedMissingContent();
    expect(second.created).toEqual([]);
    expect(await prisma.questionVersion.count()).toBe(5);
  });
});
