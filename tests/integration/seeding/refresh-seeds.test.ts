// `npm run db:seed -- --refresh` against a real Postgres: the bank is seeded from a copy of seeds/,
// the copy is then edited as a newer Rehearse would ship it, and a refresh publishes the changed
// material as version N+1 through the admin's verbs (validated, audited, older versions kept),
// does nothing the second time, leaves an admin's version and draft alone (--force publishes over
// the version, never over a draft), publishes nothing that fails validation, and refuses slugs
// with no seed material (exit 2 from the script, before any database is started).
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { publishQuestion } from '@/server/curation/publish-question';
import { realGraders } from '@/server/curation/real-graders';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { validateQuestion } from '@/server/curation/validate-question';
import { prisma } from '@/server/db';
import { UnknownSeedSlugsError } from '@/server/seeding/list-seed-material';
import { describeRefreshOutcome, refreshSeeds } from '@/server/seeding/refresh-seeds';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';
import { seedCopies } from '../../support/seed-copies';

// A seed topic's written question (imported whole from its bundle), one of the seed document's
// (material from seed-content.ts) and a seed topic's code question (material from seed-content.ts).
const TOPIC_WRITTEN = JSON.parse(readFileSync(path.join('seeds', 'topics', readdirSync(path.join('seeds', 'topics')).sort()[0]!), 'utf8')).questions[0] as string;
const DOC_WRITTEN = 'explain-canary-releases-contrast-blue-green';
const CODE = 'python-canary-verdict';

const copySeeds = seedCopies();

let dir: string;

const content = (slug: string, file: string) => path.join(dir, 'content', slug, file);
const improveModelAnswer = (slug: string) => appendFileSync(content(slug, 'model-answer.md'), '\nAlso: say how you would know it worked.\n');

const versionsOf = (slug: string) =>
  prisma.questionVersion.findMany({
    where: { question: { slug } },
    orderBy: { version: 'asc' },
    select: { id: true, version: true, publishedAt: true, modelAnswer: true, rubric: true, harness: true, validation: true, validationResult: true },
  });

async function adminSaves(slug: string, admin: { id: string }, modelAnswer: string) {
  const question = await prisma.question.findUniqueOrThrow({ where: { slug }, select: { id: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { rubric: true, validation: true } } } });
  const latest = question.versions[0]!;
  const material = { rubric: latest.rubric, harness: null, modelAnswer, starterCode: null, validation: latest.validation } as unknown as Parameters<typeof saveQuestionMaterial>[0]['input']['material'];
  await saveQuestionMaterial({ actor: admin, input: { questionId: question.id, material } });
  return question.id;
}

describe('refreshing seed material', () => {
  beforeEach(async () => {
    await resetDatabase();
    dir = copySeeds();
    await seedBank({ dir });
  }, 300_000);

  it('finds a freshly seeded bank up to date: every seeded question unchanged', { timeout: 120_000 }, async () => {
    const versions = await prisma.questionVersion.count();
    const summary = await refreshSeeds({ dir });
    expect(summary.outcomes.filter((o) => o.status !== 'unchanged').map(describeRefreshOutcome)).toEqual([]);
    expect(summary.counts.unchanged).toBeGreaterThan(40);
    expect(await prisma.questionVersion.count()).toBe(versions);
  });

  it('publishes changed seed material as a new validated version, keeps the old one, and does nothing the second time', { timeout: 300_000 }, async () => {
    const before = await Promise.all([TOPIC_WRITTEN, DOC_WRITTEN, CODE].map(versionsOf));
    improveModelAnswer(TOPIC_WRITTEN);
    improveModelAnswer(DOC_WRITTEN);
    // A fixed brief for the code question; with fewer known-bad variants, so the sandbox runs
    // only the reference and one variant (each run takes a second or more).
    appendFileSync(content(CODE, 'prompt-examples.md'), '\nThe verdict is printed on one line.\n');
    for (const file of readdirSync(content(CODE, 'bad')).sort().slice(1)) rmSync(content(CODE, path.join('bad', file)));

    const lines: string[] = [];
    const first = await refreshSeeds({ dir, slugs: [TOPIC_WRITTEN, DOC_WRITTEN, CODE], onOutcome: (o) => lines.push(describeRefreshOutcome(o)) });
    expect(first.outcomes).toEqual([TOPIC_WRITTEN, DOC_WRITTEN, CODE].map((slug) => ({ slug, status: 'published', version: 2, previous: 1, forced: false })));
    expect(lines[0]).toBe(`published ${TOPIC_WRITTEN}: published version 2 (was 1)`);

    for (const [i, slug] of [TOPIC_WRITTEN, DOC_WRITTEN, CODE].entries()) {
      const [v1, v2, ...more] = await versionsOf(slug);
      expect(more).toEqual([]);
      // Version 1 exactly as it was: published versions never change.
      expect(v1).toEqual(before[i]![0]);
      expect(v2!.publishedAt).not.toBeNull();
      expect((v2!.validationResult as { passed: boolean }).passed).toBe(true);
      if (slug === CODE) {
        expect((v2!.harness as { brief: string }).brief).toContain('The verdict is printed on one line.');
        expect((v2!.validation as { badVariants: unknown[] }).badVariants).toHaveLength(1);
      } else {
        expect(v2!.modelAnswer).toContain('say how you would know it worked');
        // Stamped like an admin's save, so a grade names the version it was graded against.
        expect((v2!.rubric as { version: number }).version).toBe(2);
      }
      // Recorded as the command line's save, validation and publish of that version.
      const audit = await prisma.auditLog.findMany({ where: { OR: [{ entityId: v2!.id }, { action: 'question.publish', details: { path: ['slug'], equals: slug } }] }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
      expect(audit.map((a) => a.action).sort()).toEqual(['question.material.save', 'question.publish', 'question.validate']);
      expect(audit.every((a) => a.actorId === null)).toBe(true);
    }

    const versions = await prisma.questionVersion.count();
    const second = await refreshSeeds({ dir });
    expect(second.counts.published).toBe(0);
    expect(second.outcomes.filter((o) => [TOPIC_WRITTEN, DOC_WRITTEN, CODE].includes(o.slug))).toEqual(
      [TOPIC_WRITTEN, DOC_WRITTEN, CODE].sort().map((slug) => ({ slug, status: 'unchanged', version: 2 })),
    );
    expect(await prisma.questionVersion.count()).toBe(versions);
  });

  it("skips a question whose newest version an admin made, publishes over it only with --force, and never over a draft", { timeout: 120_000 }, async () => {
    const admin = await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } });
    // An admin's published version 2 of the seed topic's question (saved, validated, published)…
    const questionId = await adminSaves(TOPIC_WRITTEN, admin, 'An admin wrote this model answer.');
    await validateQuestion({ actor: admin, input: { questionId } }, prisma, realGraders);
    await publishQuestion({ actor: admin, input: { questionId } });
    // …and an admin's unpublished draft (version 2) of the seed document's.
    await adminSaves(DOC_WRITTEN, admin, 'An admin is still writing this.');
    improveModelAnswer(TOPIC_WRITTEN);
    improveModelAnswer(DOC_WRITTEN);
    const snapshot = await Promise.all([versionsOf(TOPIC_WRITTEN), versionsOf(DOC_WRITTEN)]);

    const plain = await refreshSeeds({ dir, slugs: [TOPIC_WRITTEN, DOC_WRITTEN] });
    expect(plain.outcomes.map(describeRefreshOutcome)).toEqual([
      `skipped   ${TOPIC_WRITTEN}: version 2 was made by an admin and differs from seeds/; --force publishes the seed material over it`,
      `skipped   ${DOC_WRITTEN}: version 2 is a draft an admin has not published; publish or change it in the admin pages first`,
    ]);
    expect(await Promise.all([versionsOf(TOPIC_WRITTEN), versionsOf(DOC_WRITTEN)])).toEqual(snapshot);

    const forced = await refreshSeeds({ dir, slugs: [TOPIC_WRITTEN, DOC_WRITTEN], force: true });
    expect(forced.outcomes.map((o) => o.status)).toEqual(['published', 'skipped']);
    expect(describeRefreshOutcome(forced.outcomes[0]!)).toBe(`published ${TOPIC_WRITTEN}: published version 3 (was 2) over an admin's change, with --force`);
    const [v1, v2, v3] = await versionsOf(TOPIC_WRITTEN);
    expect([v1, v2]).toEqual(snapshot[0]);
    expect(v3!.modelAnswer).toContain('say how you would know it worked');
    expect(await versionsOf(DOC_WRITTEN)).toEqual(snapshot[1]);

    // Version 3 is the seed's: the next change in seeds/ is taken without --force.
    improveModelAnswer(TOPIC_WRITTEN);
    expect((await refreshSeeds({ dir, slugs: [TOPIC_WRITTEN] })).outcomes[0]).toMatchObject({ status: 'published', version: 4, previous: 3, forced: false });
  });

  it('leaves a question an admin unpublished hidden unless --force', { timeout: 120_000 }, async () => {
    await prisma.question.update({ where: { slug: DOC_WRITTEN }, data: { published: false } });
    improveModelAnswer(DOC_WRITTEN);
    expect((await refreshSeeds({ dir, slugs: [DOC_WRITTEN] })).outcomes[0]).toEqual({ slug: DOC_WRITTEN, status: 'skipped', reason: 'an admin unpublished it; --force publishes the seed material and lists it again' });
    expect(await versionsOf(DOC_WRITTEN)).toHaveLength(1);
    expect((await refreshSeeds({ dir, slugs: [DOC_WRITTEN], force: true })).outcomes[0]).toMatchObject({ status: 'published', version: 2 });
    expect((await prisma.question.findUniqueOrThrow({ where: { slug: DOC_WRITTEN }, select: { published: true } })).published).toBe(true);
  });

  it('publishes nothing when the new seed material fails validation, and says why', { timeout: 120_000 }, async () => {
    const file = content(DOC_WRITTEN, 'calibration.json');
    const calibration = JSON.parse(readFileSync(file, 'utf8')) as { samples: { label: string; band: { min: number; max: number } }[] };
    // A strong sample expected to score almost nothing: no rubric can pass that.
    const sample = calibration.samples.find((s) => s.band.min >= 50)!;
    sample.band = { min: 0, max: 1 };
    writeFileSync(file, JSON.stringify(calibration));
    const audits = await prisma.auditLog.count();

    const [outcome] = (await refreshSeeds({ dir, slugs: [DOC_WRITTEN] })).outcomes;
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(describeRefreshOutcome(outcome!)).toMatch(new RegExp(`^failed    ${DOC_WRITTEN}: the seed material failed validation: calibration sample "${sample.label}" scored \\d+, expected 0–1`));
    expect(await versionsOf(DOC_WRITTEN)).toHaveLength(1);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it('refuses slugs with no seed material before changing anything', async () => {
    improveModelAnswer(TOPIC_WRITTEN);
    const error = await refreshSeeds({ dir, slugs: [TOPIC_WRITTEN, 'no-such-question'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownSeedSlugsError);
    expect((error as Error).message).toBe('No question with seed material in seeds/: no-such-question (a slug is the name of a folder in seeds/content).');
    expect(await versionsOf(TOPIC_WRITTEN)).toHaveLength(1);
  });
});

describe('npm run db:seed -- --refresh', () => {
  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    // No database: an unknown slug must be refused before one is needed.
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  }

  it('exits 2 naming the unknown slugs, and refuses slugs or --force without --refresh', { timeout: 60_000 }, async () => {
    const unknown = await run(['--refresh', TOPIC_WRITTEN, 'no-such-question', 'nor-this']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('[db:seed] No questions with seed material in seeds/: no-such-question, nor-this');
    const stray = await run(['--force']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('[db:seed] question slugs and --force go with --refresh');
  });
});
