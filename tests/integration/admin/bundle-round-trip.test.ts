// Bundles against a real Postgres: exporting the seeded topic, wiping the database and importing
// the file into the empty one gives the same bank back (byte for byte on re-export); a bad bundle
// changes nothing; re-importing the same bundle adds no versions.
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBundle, serializeBundle } from '@/server/bundles/export-bundle';
import { importBundle } from '@/server/bundles/import-bundle';
import { BundleError } from '@/server/bundles/parse-bundle';
import type { Bundle } from '@/server/bundles/schemas';
import { createQuestion } from '@/server/curation/create-question';
import { publishQuestion } from '@/server/curation/publish-question';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { validateQuestion } from '@/server/curation/validate-question';
import { prisma } from '@/server/db';
import { seedBank } from '@/server/seeding/seed-bank';
import { getTopic } from '@/server/topics/get-topic';
import { resetDatabase } from '../../support/reset-database';
import { graders, makeAdmin, STRONG, writtenMaterial } from './fixtures';
import { realGraders } from '@/server/curation/real-graders';

const TOPIC = 'production-deployments-and-operations';

async function exportText(): Promise<string> {
  return serializeBundle(await exportBundle({ input: { slug: TOPIC } }));
}

async function importErrors(input: unknown): Promise<string[]> {
  const error = await importBundle({ actor: null, input }, prisma, graders).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BundleError);
  return (error as BundleError).errors;
}

// Adds curated material to the seeded topic: a written question published at version 1 with a
// draft version 2, a Bash question with known-bad variants, and a draft-only question.
async function curate() {
  const admin = await makeAdmin();
  const topic = await prisma.topic.findUniqueOrThrow({ where: { slug: TOPIC }, select: { id: true } });
  const written = await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Explain canary releases for a payments API.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: ['canary', 'rollback'] } });
  await saveQuestionMaterial({ actor: admin, input: { questionId: written.id, material: writtenMaterial() } });
  await validateQuestion({ actor: admin, input: { questionId: written.id } }, prisma, graders);
  await publishQuestion({ actor: admin, input: { questionId: written.id } });
  await saveQuestionMaterial({ actor: admin, input: { questionId: written.id, material: writtenMaterial({ modelAnswer: 'Draft v2.' }) } });

  const bash = await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Write a Bash script that restarts myapp safely.', difficulty: 'HARD', type: 'TECHNICAL', answerKind: 'BASH', tags: [] } });
  await saveQuestionMaterial({
    actor: admin,
    input: {
      questionId: bash.id,
      material: {
        rubric: null,
        harness: { name: 'bash-deploy', version: 1, brief: 'Exit non-zero on failure.' },
        modelAnswer: 'Use `set -euo pipefail`.',
        starterCode: '#!/usr/bin/env bash\n',
        validation: { kind: 'code', reference: '# scripted: pass', badVariants: [{ name: 'ignores-errors', code: '# scripted: fail' }] },
      },
    },
  });
  await validateQuestion({ actor: admin, input: { questionId: bash.id } }, prisma, graders);
  await publishQuestion({ actor: admin, input: { questionId: bash.id } });

  await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Describe a rollback runbook.', difficulty: 'EASY', type: 'BEHAVIORAL', answerKind: 'WRITTEN', tags: [] } });
}

beforeEach(async () => {
  await resetDatabase();
  await seedBank();
});

describe('bundle export and import', () => {
  it('round-trips the seeded topic into an empty database', async () => {
    const before = await exportText();
    const bundle = JSON.parse(before) as Bundle;
    expect(bundle).toMatchObject({ format: 'rehearse-bundle', formatVersion: 1, topic: { slug: TOPIC, published: true } });
    expect(bundle.questions.length).toBeGreaterThanOrEqual(5);
    expect(before.startsWith('{\n  "format": "rehearse-bundle",\n  "formatVersion": 1,\n  "topic": {')).toBe(true);

    await resetDatabase();
    expect(await prisma.question.count()).toBe(0);
    // The real graders: seeded material that is published must pass its own validation.
    const summary = await importBundle({ actor: null, input: bundle }, prisma, realGraders);
    expect(summary).toMatchObject({ topic: TOPIC, topicCreated: true, questionsCreated: bundle.questions.length, questionsUpdated: 0 });
    const withMaterial = bundle.questions.filter((q) => q.rubric || q.harness);
    expect(summary.validated).toBe(withMaterial.length);
    // Code material was checked in the sandbox: the reference passed and every bad variant failed.
    const code = withMaterial.filter((q) => q.validation?.kind === 'code');
    for (const q of code) {
      const version = await prisma.questionVersion.findFirstOrThrow({ where: { question: { slug: q.slug } }, select: { validationResult: true, publishedAt: true } });
      const result = version.validationResult as { passed: boolean; checks: { kind: string; passed: boolean }[] };
      expect(result.passed).toBe(true);
      expect(result.checks.filter((c) => c.kind === 'bad-variant')).toHaveLength(q.validation?.kind === 'code' ? q.validation.badVariants.length : -1);
      expect(version.publishedAt).not.toBeNull();
    }

    expect(await exportText()).toBe(before);
    const visible = await getTopic({ slug: TOPIC });
    expect(visible?.questions.map((q) => q.slug)).toEqual(bundle.questions.filter((q) => q.published).map((q) => q.slug));
    expect(await prisma.auditLog.findFirst({ select: { action: true, actorId: true } })).toEqual({ action: 'bundle.import', actorId: null });
  });

  it('round-trips curated material: published versions, drafts, harnesses and bad variants', async () => {
    await curate();
    const before = await exportText();
    const bundle = JSON.parse(before) as Bundle;
    const canary = bundle.questions.find((q) => q.slug === 'explain-canary-releases-payments-api');
    expect(canary).toMatchObject({ published: true, modelAnswer: 'Canaries first, then everyone.', draft: { modelAnswer: 'Draft v2.' }, tags: ['canary', 'rollback'] });
    expect(bundle.questions.find((q) => q.slug === 'describe-rollback-runbook')).toMatchObject({ published: false, rubric: null, draft: { rubric: null } });

    await resetDatabase();
    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);
    expect(summary.validated).toBeGreaterThanOrEqual(2);
    expect(await exportText()).toBe(before);

    const versions = await prisma.questionVersion.findMany({
      where: { question: { slug: 'explain-canary-releases-payments-api' } },
      orderBy: { version: 'asc' },
      select: { version: true, publishedAt: true, validationResult: true },
    });
    expect(versions.map((v) => [v.version, v.publishedAt !== null, (v.validationResult as { passed?: boolean } | null)?.passed ?? null])).toEqual([
      [1, true, true],
      [2, false, null],
    ]);
  });

  it('re-importing the same bundle adds no versions', async () => {
    await curate();
    const bundle = await exportBundle({ input: { slug: TOPIC } });
    const count = await prisma.questionVersion.count();
    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);
    expect(summary).toMatchObject({ topicCreated: false, questionsCreated: 0, versionsCreated: 0, versionsPublished: 0, validated: 0 });
    expect(await prisma.questionVersion.count()).toBe(count);
  });

  it('changes nothing when any question is invalid, and names its path', async () => {
    await curate();
    const before = await exportText();
    const bundle = JSON.parse(before);
    bundle.topic.name = 'Renamed';
    bundle.questions[0].prompt = 'A new prompt that must not be written.';
    const canary = bundle.questions.findIndex((q: { slug: string }) => q.slug === 'explain-canary-releases-payments-api');
    bundle.questions[canary].rubric.concepts[0].weight = 'heavy';
    expect(await importErrors(bundle)).toEqual([`questions[${canary}].rubric.concepts[0].weight: expected a number, found "heavy"`]);
    expect(await exportText()).toBe(before);
  });

  it('changes nothing when new published material fails validation, and says which sample', async () => {
    await curate();
    const before = await exportText();
    const bundle = JSON.parse(before);
    const canary = bundle.questions.findIndex((q: { slug: string }) => q.slug === 'explain-canary-releases-payments-api');
    bundle.questions[0].prompt = 'A new prompt that must not be written.';
    bundle.questions[canary].validation.calibration[1].answer = STRONG;
    expect(await importErrors(bundle)).toEqual([
      `questions[${canary}]: validation failed for "explain-canary-releases-payments-api": calibration sample "weak" scored 100, expected 0–40`,
    ]);
    expect(await exportText()).toBe(before);
  });

  it('restores a deleted question and publishes new material as a new version', async () => {
    await curate();
    const bundle = await exportBundle({ input: { slug: TOPIC } });
    const canary = bundle.questions.find((q) => q.slug === 'explain-canary-releases-payments-api')!;
    canary.modelAnswer = 'An improved published answer.';
    canary.draft = null;
    await prisma.question.update({ where: { slug: canary.slug }, data: { deletedAt: new Date() } });

    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);
    expect(summary).toMatchObject({ validated: 1, versionsPublished: 1, versionsCreated: 1, draftsKept: 1 });
    const row = await prisma.question.findUniqueOrThrow({
      where: { slug: canary.slug },
      select: { deletedAt: true, versions: { orderBy: { version: 'asc' }, select: { version: true, publishedAt: true, modelAnswer: true } } },
    });
    expect(row.deletedAt).toBeNull();
    // The admin's draft is never overwritten: it stays the draft, above the published import.
    expect(row.versions.map((v) => [v.version, v.publishedAt !== null, v.modelAnswer])).toEqual([
      [1, true, 'Canaries first, then everyone.'],
      [2, true, 'An improved published answer.'],
      [3, false, 'Draft v2.'],
    ]);
  });
});
