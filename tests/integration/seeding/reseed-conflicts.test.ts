// `npm run db:seed` where runs or slugs collide (real Postgres): two seeds at once (`npm run
// db:seed` beside `npm start`'s seed of an empty bank) both finish with one copy of everything,
// and a seed question whose slug an admin has given to another seeded question is not written
// over that question (nor fails the seed on the slug's unique index): it is left out and named.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { updateQuestion } from '@/server/curation/update-question';
import { prisma } from '@/server/db';
import { describeKeptField } from '@/server/seeding/merge-seeded-fields';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';
import { seedCopies } from '../../support/seed-copies';

const SEED_TOPIC = 'ci-cd-pipelines';
const copySeeds = seedCopies();
let dir: string;

// The seeds with one seed topic (the document's questions, and that topic's): enough, and quicker.
beforeEach(async () => {
  await resetDatabase();
  dir = copySeeds();
  for (const file of readdirSync(path.join(dir, 'topics'))) if (file !== `${SEED_TOPIC}.json`) rmSync(path.join(dir, 'topics', file));
});

const topicFile = () => path.join(dir, 'topics', `${SEED_TOPIC}.json`);
const counts = async () => ({ questions: await prisma.question.count(), topics: await prisma.topic.count(), versions: await prisma.questionVersion.count() });

describe('db:seed when runs or slugs collide', () => {
  it('two seeds of an empty bank at once both finish, with one copy of each topic and question', async () => {
    const results = await Promise.allSettled([seedBank({ dir }), seedBank({ dir })]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    const after = await counts();
    await resetDatabase();
    await seedBank({ dir });
    expect(after).toEqual(await counts());
  }, 300_000);

  it("leaves out a new seed question whose slug an admin gave a seeded question, naming it, and writes nothing over that question", async () => {
    const file = JSON.parse(readFileSync(topicFile(), 'utf8')) as { questions: string[] };
    const [first, later] = file.questions as [string, string];
    // The first seeds lack `later`; a newer seeds/ adds it.
    writeFileSync(topicFile(), JSON.stringify({ ...file, questions: file.questions.filter((q) => q !== later) }));
    await seedBank({ dir });
    const actor = await prisma.user.create({ data: { email: `admin-${Date.now()}@example.com`, role: 'ADMIN' }, select: { id: true } });
    const q = await prisma.question.findUniqueOrThrow({ where: { slug: first }, select: { id: true, topicId: true, prompt: true, difficulty: true, type: true, answerKind: true, tags: true } });
    await updateQuestion({ actor, input: { ...q, slug: later } });
    const versionsBefore = await prisma.questionVersion.findMany({ where: { questionId: q.id }, select: { id: true } });

    writeFileSync(topicFile(), JSON.stringify(file));
    const summaries = await seedBank({ dir });

    const renamed = await prisma.question.findUniqueOrThrow({ where: { id: q.id }, select: { slug: true, seedSlug: true, prompt: true, versions: { select: { id: true } } } });
    expect(renamed).toEqual({ slug: later, seedSlug: first, prompt: q.prompt, versions: versionsBefore });
    const lines = summaries.flatMap((s) => s.kept).map(describeKeptField);
    expect(lines).toContainEqual(expect.stringContaining(`question ${later}`));
    // A later seed still finds the renamed question under the slug the seeds know it by.
    const before = await counts();
    await seedBank({ dir });
    expect(await counts()).toEqual(before);
  }, 300_000);
  it("leaves out a new seed topic (from a topic file or the document) whose slug an admin gave a seeded topic, and adds nothing to that topic", async () => {
    const DOC_TOPIC = 'production-deployments-and-operations';
    const docFile = readdirSync(dir).find((f) => f.endsWith('.txt'))!;
    const docText = readFileSync(path.join(dir, docFile), 'utf8');
    const topicText = readFileSync(topicFile(), 'utf8');
    // The first seeds have the document only; the admin renames its topic to the topic file's slug.
    rmSync(topicFile());
    await seedBank({ dir });
    const actor = await prisma.user.create({ data: { email: `admin-${Date.now()}@example.com`, role: 'ADMIN' }, select: { id: true } });
    const { updateTopic } = await import('@/server/curation/update-topic');
    const docTopic = await prisma.topic.findUniqueOrThrow({ where: { slug: DOC_TOPIC }, select: { id: true, name: true, description: true, published: true } });
    await updateTopic({ actor, input: { ...docTopic, slug: SEED_TOPIC } });
    const questionsBefore = await prisma.question.findMany({ where: { topicId: docTopic.id }, select: { id: true }, orderBy: { id: 'asc' } });

    writeFileSync(topicFile(), topicText);
    const summaries = await seedBank({ dir });
    const lines = summaries.flatMap((s) => s.kept).map(describeKeptField);
    expect(lines).toContainEqual(expect.stringContaining(`left out topic ${SEED_TOPIC}`));
    const after = await prisma.topic.findUniqueOrThrow({ where: { id: docTopic.id }, select: { slug: true, seedSlug: true, name: true, questions: { select: { id: true }, orderBy: { id: 'asc' } } } });
    expect(after).toEqual({ slug: SEED_TOPIC, seedSlug: DOC_TOPIC, name: docTopic.name, questions: questionsBefore });

    // The other way round: the topic file first, its topic renamed to the document's slug.
    await resetDatabase();
    rmSync(path.join(dir, docFile));
    await seedBank({ dir });
    const fileTopic = await prisma.topic.findUniqueOrThrow({ where: { slug: SEED_TOPIC }, select: { id: true, name: true, description: true, published: true } });
    await updateTopic({ actor: await prisma.user.create({ data: { email: `admin2-${Date.now()}@example.com`, role: 'ADMIN' }, select: { id: true } }), input: { ...fileTopic, slug: DOC_TOPIC } });
    const fileQuestions = await prisma.question.count({ where: { topicId: fileTopic.id } });
    writeFileSync(path.join(dir, docFile), docText);
    const again = await seedBank({ dir });
    expect(again.flatMap((s) => s.kept).map(describeKeptField)).toContainEqual(expect.stringContaining(`left out topic ${DOC_TOPIC}`));
    expect(await prisma.question.count({ where: { topicId: fileTopic.id } })).toBe(fileQuestions);
    expect(await prisma.topic.findUniqueOrThrow({ where: { id: fileTopic.id }, select: { name: true } })).toEqual({ name: fileTopic.name });
  }, 300_000);
});
