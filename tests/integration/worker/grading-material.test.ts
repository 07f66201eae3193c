// The material the worker grades against comes from seeds/content/<question-slug>/: seeding gives
// each question with content a published version 1, once, and never touches versions after that.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { RubricSchema } from '@/grading/written/rubric';
import { prisma } from '@/server/db';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';

const WRITTEN = [
  'describe-feature-flags-feature-toggles-decouple',
  'explain-canary-releases-contrast-blue-green',
  'software-engineer-explain-difference-continuous-integration',
];

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const versions = () =>
  prisma.questionVersion.findMany({
    orderBy: [{ question: { slug: 'asc' } }, { version: 'asc' }],
    select: { version: true, publishedAt: true, rubric: true, harness: true, modelAnswer: true, starterCode: true, validation: true, question: { select: { slug: true } } },
  });

beforeEach(resetDatabase);

describe('seeding grading material', () => {
  it('gives each written question with content a published version 1: rubric, model answer, calibration', async () => {
    await seedBank();
    const written = (await versions()).filter((v) => WRITTEN.includes(v.question.slug));
    expect(written.map((v) => [v.question.slug, v.version])).toEqual(WRITTEN.map((slug) => [slug, 1]));
    for (const v of written) {
      expect(v.publishedAt).toBeInstanceOf(Date);
      expect(RubricSchema.safeParse(v.rubric).success).toBe(true);
      expect(v.modelAnswer).toMatch(/\S/);
      expect(v.harness).toBeNull();
      expect(v.starterCode).toBeNull();
      expect(v.validation).toMatchObject({ kind: 'written', calibration: expect.arrayContaining([expect.objectContaining({ label: expect.any(String) })]) });
    }
  });

  it('gives each code question a harness reference with its brief, the starter code, and the reference and known-bad variants', async () => {
    await seedBank();
    const code = (await versions()).filter((v) => v.question.slug.startsWith('write-'));
    expect(code.map((v) => [v.question.slug, v.version, v.harness && (v.harness as { name: string }).name])).toEqual([
      ['write-bash-script-pulls-specified-docker', 1, 'bash-deploy'],
      ['write-python-function-compare-manifests-old', 1, 'python-compare-manifests'],
    ]);
    for (const v of code) {
      const ext = v.question.slug.includes('bash') ? 'sh' : 'py';
      const folder = path.join(process.cwd(), 'seeds', 'content', v.question.slug);
      expect(v.rubric).toBeNull();
      expect(v.harness).toEqual({ ...JSON.parse(readFileSync(path.join(folder, 'harness.json'), 'utf8')), brief: readFileSync(path.join(folder, 'prompt-examples.md'), 'utf8') });
      expect(v.starterCode).toBe(readFileSync(path.join(folder, `starter.${ext}`), 'utf8'));
      expect(v.modelAnswer).toBe(readFileSync(path.join(folder, 'model-answer.md'), 'utf8'));
      const badFiles = readdirSync(path.join(folder, 'bad')).filter((f) => f.endsWith(`.${ext}`)).sort();
      expect(v.validation).toEqual({
        kind: 'code',
        reference: readFileSync(path.join(folder, `reference.${ext}`), 'utf8'),
        badVariants: badFiles.map((f) => ({ name: f.replace(/\.(sh|py)$/, ''), code: readFileSync(path.join(folder, 'bad', f), 'utf8') })),
      });
      expect(badFiles.length).toBeGreaterThan(0);
    }
  });

  it('never overwrites or adds to versions that exist, and skips content for questions that do not', async () => {
    await seedBank();
    const canary = { question: { slug: 'explain-canary-releases-contrast-blue-green' } };
    await prisma.questionVersion.updateMany({ where: { ...canary, version: 1 }, data: { modelAnswer: 'Edited by an admin.' } });
    await prisma.questionVersion.create({
      data: { question: { connect: { slug: canary.question.slug } }, version: 2, modelAnswer: 'A draft.' },
    });
    const before = await versions();

    const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-seeds-'));
    tempDirs.push(dir);
    cpSync(path.join(process.cwd(), 'seeds'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'content', 'no-such-question'));
    writeFileSync(path.join(dir, 'content', 'no-such-question', 'rubric.json'), '{}');
    await seedBank({ dir });

    expect(await versions()).toEqual(before);
    const canaryVersions = before.filter((v) => v.question.slug === canary.question.slug);
    expect(canaryVersions.map((v) => [v.version, v.modelAnswer])).toEqual([
      [1, 'Edited by an admin.'],
      [2, 'A draft.'],
    ]);
  });
});
