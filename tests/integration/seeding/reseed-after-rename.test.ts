// Re-seeding after an admin renamed seeded slugs (`npm run db:seed`, real Postgres): the seeds find
// the topic and the questions they wrote by the slug they know them by, so nothing is added twice
// under the old slug and seed changes still reach the renamed rows; the admin's slugs stay.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { updateQuestion } from '@/server/curation/update-question';
import { updateTopic } from '@/server/curation/update-topic';
import { prisma } from '@/server/db';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';
import { seedCopies } from '../../support/seed-copies';

const DOC = '000_9f9baed13b1c1c11.txt';
const DOC_TOPIC = 'production-deployments-and-operations';
const CANARY = 'explain-canary-releases-contrast-blue-green';
const CANARY_TAIL = 'Mention limitations when dealing with low traffic services or non‑deterministic bugs.';
const BASH = 'write-bash-script-pulls-specified-docker';
const SEED_TOPIC = 'ci-cd-pipelines';

const copySeeds = seedCopies();
let dir: string;

beforeEach(async () => {
  await resetDatabase();
  dir = copySeeds();
  await seedBank({ dir });
}, 120_000);

async function renameQuestion(actor: { id: string }, slug: string, to: string) {
  const q = await prisma.question.findUniqueOrThrow({ where: { slug }, select: { id: true, topicId: true, prompt: true, difficulty: true, type: true, answerKind: true, tags: true } });
  await updateQuestion({ actor, input: { ...q, slug: to } });
}

async function renameTopic(actor: { id: string }, slug: string, to: string) {
  const t = await prisma.topic.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true, description: true, published: true } });
  await updateTopic({ actor, input: { ...t, slug: to } });
}

const counts = async () => ({ questions: await prisma.question.count(), topics: await prisma.topic.count() });

describe('re-seeding after an admin renamed slugs', () => {
  it('finds the renamed topics and questions instead of adding them again, and still brings seed changes to them', async () => {
    const actor = await prisma.user.create({ data: { email: `admin-${Date.now()}@example.com`, role: 'ADMIN' }, select: { id: true } });
    const [seedTopicQuestion] = (JSON.parse(readFileSync(path.join(dir, 'topics', `${SEED_TOPIC}.json`), 'utf8')) as { questions: string[] }).questions;
    await renameQuestion(actor, CANARY, 'canary-versus-blue-green');
    await renameQuestion(actor, BASH, 'bash-deploy-script');
    await renameQuestion(actor, seedTopicQuestion!, 'build-once-promote');
    await renameTopic(actor, DOC_TOPIC, 'deployments');
    await renameTopic(actor, SEED_TOPIC, 'pipelines');
    const before = await counts();

    // A newer seed document rewords the canary prompt's end (its slug, from the first words, stays).
    writeFileSync(path.join(dir, DOC), readFileSync(path.join(dir, DOC), 'utf8').replace(CANARY_TAIL, `${CANARY_TAIL} Say what you watch first.`));
    await seedBank({ dir });

    expect(await counts()).toEqual(before);
    for (const old of [CANARY, BASH, seedTopicQuestion!]) expect(await prisma.question.findUnique({ where: { slug: old } })).toBeNull();
    for (const old of [DOC_TOPIC, SEED_TOPIC]) expect(await prisma.topic.findUnique({ where: { slug: old } })).toBeNull();
    const canary = await prisma.question.findUniqueOrThrow({ where: { slug: 'canary-versus-blue-green' }, select: { prompt: true, topic: { select: { slug: true } } } });
    expect(canary.prompt).toMatch(/Say what you watch first\.$/);
    expect(canary.topic.slug).toBe('deployments');
    // The renamed code question kept its one version: its material was not written again.
    expect(await prisma.questionVersion.count({ where: { question: { slug: 'bash-deploy-script' } } })).toBe(1);
    // The renamed seed topic keeps its questions, and its placement in the taxonomy.
    const pipelines = await prisma.topic.findUniqueOrThrow({ where: { slug: 'pipelines' }, select: { categoryId: true, _count: { select: { questions: true } } } });
    expect(pipelines.categoryId).not.toBeNull();
    expect(await prisma.question.findUniqueOrThrow({ where: { slug: 'build-once-promote' }, select: { topic: { select: { slug: true } } } })).toEqual({ topic: { slug: 'pipelines' } });
  });

  it("claims a row seeded before the seeds recorded their slugs, the first time it meets it, so a later rename keeps it", async () => {
    await prisma.question.updateMany({ data: { seedSlug: null } });
    await prisma.topic.updateMany({ data: { seedSlug: null } });
    await seedBank({ dir });
    expect(await prisma.question.findUniqueOrThrow({ where: { slug: CANARY }, select: { seedSlug: true } })).toEqual({ seedSlug: CANARY });

    const actor = await prisma.user.create({ data: { email: `admin-${Date.now()}@example.com`, role: 'ADMIN' }, select: { id: true } });
    await renameQuestion(actor, CANARY, 'canary-versus-blue-green');
    const before = await counts();
    await seedBank({ dir });
    expect(await counts()).toEqual(before);
    expect(await prisma.question.findUnique({ where: { slug: CANARY } })).toBeNull();
  });
});
