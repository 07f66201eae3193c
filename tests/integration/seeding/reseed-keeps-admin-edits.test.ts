// Re-seeding an existing bank (`npm run db:seed`) against a real Postgres: a field the seeds own
// (a topic's name and description; a question's prompt, difficulty, type, position, and a seed
// topic's tags) takes the seeds' change only where nobody changed it since the seeds last wrote it.
// An admin's edit, made through the admin's own verbs, survives and is named in the summary; a
// database seeded before the record existed keeps whatever differs from the seeds; what an admin
// deleted stays deleted.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Prisma } from '@/generated/prisma/client';
import { updateQuestion } from '@/server/curation/update-question';
import { updateTopic } from '@/server/curation/update-topic';
import { prisma } from '@/server/db';
import { describeKeptField } from '@/server/seeding/merge-seeded-fields';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';
import { seedCopies } from '../../support/seed-copies';

const DOC = '000_9f9baed13b1c1c11.txt';
const DOC_TOPIC = 'production-deployments-and-operations';
// The first two of the document's questions; a prompt edited after its first six words keeps its slug.
const CANARY = 'explain-canary-releases-contrast-blue-green';
const FLAGS = 'describe-feature-flags-feature-toggles-decouple';
const CANARY_TAIL = 'Mention limitations when dealing with low traffic services or non‑deterministic bugs.';
const FLAGS_TAIL = 'How would you design governance and metrics to avoid long‑lived unused flags?';

const SEED_TOPIC_FILE = 'ci-cd-pipelines.json';

const copySeeds = seedCopies();

let dir: string;
const docFile = () => path.join(dir, DOC);
const editDoc = (edit: (text: string) => string) => writeFileSync(docFile(), edit(readFileSync(docFile(), 'utf8')));
const editJson = <T>(file: string, edit: (value: T) => T) => writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8')) as T)));
const topicFile = () => path.join(dir, 'topics', SEED_TOPIC_FILE);
const questionFile = (slug: string) => path.join(dir, 'content', slug, 'question.json');
type SeedTopic = { slug: string; name: string; description: string; questions: string[] };
type SeedQuestion = { prompt: string; difficulty: string; type: string; tags: string[] };

const question = (slug: string) =>
  prisma.question.findUniqueOrThrow({ where: { slug }, select: { id: true, topicId: true, prompt: true, difficulty: true, type: true, answerKind: true, tags: true, position: true, deletedAt: true } });
const topic = (slug: string) => prisma.topic.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, name: true, description: true, published: true, deletedAt: true } });

async function admin() {
  return prisma.user.create({ data: { email: `admin-${Date.now()}-${Math.random()}@example.com`, role: 'ADMIN' }, select: { id: true } });
}

// An admin's edit through the question editor's own verb.
async function adminEditsQuestion(actor: { id: string }, slug: string, change: Partial<{ prompt: string; tags: string[] }>) {
  const { id, topicId, prompt, difficulty, type, answerKind, tags } = await question(slug);
  await updateQuestion({ actor, input: { id, topicId, prompt, difficulty, type, answerKind, tags, ...change } });
}

async function adminEditsTopic(actor: { id: string }, slug: string, change: Partial<{ name: string; description: string }>) {
  const { id, name, description, published } = await topic(slug);
  await updateTopic({ actor, input: { id, slug, name, description, published, ...change } });
}

beforeEach(async () => {
  await resetDatabase();
  dir = copySeeds();
  await seedBank({ dir });
}, 120_000);

describe('re-seeding from the seed document', () => {
  it("keeps an admin's prompt and topic name, takes the seeds' changes elsewhere, and names what it kept", async () => {
    const actor = await admin();
    await adminEditsQuestion(actor, CANARY, { prompt: 'Explain canary releases and contrast them with blue-green deployment, as an admin rewrote it.' });
    await adminEditsTopic(actor, DOC_TOPIC, { name: 'Deployments (renamed by an admin)' });
    const { description: seededDescription } = await topic(DOC_TOPIC);

    // A newer seed document: both prompts reworded at the end, the canary question harder, the
    // topic's description extended.
    editDoc((text) =>
      text
        .replace(CANARY_TAIL, `${CANARY_TAIL} Say what you watch first.`)
        .replace(`EasyTechnical\n39 practiced\nExplain canary`, `MediumTechnical\n39 practiced\nExplain canary`)
        .replace(FLAGS_TAIL, `${FLAGS_TAIL} Name one owner per flag.`)
        .replace('and their impact.', 'and their impact. Updated.'),
    );
    const [summary] = await seedBank({ dir });

    const canary = await question(CANARY);
    expect(canary.prompt).toBe('Explain canary releases and contrast them with blue-green deployment, as an admin rewrote it.');
    expect(canary.difficulty).toBe('MEDIUM');
    expect((await question(FLAGS)).prompt).toMatch(/Name one owner per flag\.$/);
    const docTopic = await topic(DOC_TOPIC);
    expect(docTopic.name).toBe('Deployments (renamed by an admin)');
    expect(docTopic.description).toBe(`${seededDescription.replace('and their impact.', 'and their impact. Updated.')}`);

    expect(summary).toEqual({
      topic: DOC_TOPIC,
      created: 0,
      updated: 2,
      kept: [
        { entity: 'topic', slug: DOC_TOPIC, field: 'name', reason: 'edited' },
        { entity: 'question', slug: CANARY, field: 'prompt', reason: 'edited' },
      ],
    });
    expect(summary!.kept.map(describeKeptField)).toEqual([
      `kept topic ${DOC_TOPIC} name: changed here since the seeds wrote it`,
      `kept question ${CANARY} prompt: changed here since the seeds wrote it`,
    ]);

    // Once the admin puts the seeds' text back, the seeds own the prompt again.
    await adminEditsQuestion(actor, CANARY, { prompt: readFileSync(path.join('seeds', DOC), 'utf8').split('\n').find((line) => line.startsWith('Explain canary'))! });
    const [again] = await seedBank({ dir });
    expect((await question(CANARY)).prompt).toMatch(/Say what you watch first\.$/);
    expect(again!.kept).toEqual([{ entity: 'topic', slug: DOC_TOPIC, field: 'name', reason: 'edited' }]);
  });

  it('in a database seeded before the record existed, keeps a value that differs from the seeds and takes one that equals them as their own', async () => {
    await prisma.question.updateMany({ data: { seededFields: Prisma.DbNull } });
    await prisma.topic.updateMany({ data: { seededFields: Prisma.DbNull } });
    // Edited before the record existed: nothing tells whose it is.
    await prisma.question.update({ where: { slug: CANARY }, data: { prompt: 'Explain canary releases and contrast them with blue-green deployment (edited long ago).' } });
    editDoc((text) => text.replace(FLAGS_TAIL, `${FLAGS_TAIL} Name one owner per flag.`));

    const [summary] = await seedBank({ dir });
    expect((await question(CANARY)).prompt).toBe('Explain canary releases and contrast them with blue-green deployment (edited long ago).');
    // Its old seed prompt differs from the new one, and nothing says the seeds wrote it: kept too.
    expect((await question(FLAGS)).prompt).toMatch(/avoid long‑lived unused flags\?$/);
    expect(summary!.kept).toEqual([
      { entity: 'question', slug: CANARY, field: 'prompt', reason: 'unrecorded' },
      { entity: 'question', slug: FLAGS, field: 'prompt', reason: 'unrecorded' },
    ]);
    // What equalled the seeds is now recorded as theirs, so their next change reaches it.
    const recorded = await prisma.question.findUniqueOrThrow({ where: { slug: CANARY }, select: { seededFields: true } });
    expect(recorded.seededFields).toEqual({ difficulty: 'EASY', type: 'TECHNICAL', position: 0 });
    editDoc((text) => text.replace(`EasyTechnical\n39 practiced\nExplain canary`, `HardTechnical\n39 practiced\nExplain canary`));
    await seedBank({ dir });
    expect((await question(CANARY)).difficulty).toBe('HARD');
  });

  it('leaves a deleted question and a deleted topic deleted and unchanged', async () => {
    await prisma.question.update({ where: { slug: FLAGS }, data: { deletedAt: new Date() } });
    editDoc((text) => text.replace(FLAGS_TAIL, `${FLAGS_TAIL} Name one owner per flag.`));
    await seedBank({ dir });
    const flags = await question(FLAGS);
    expect(flags.deletedAt).not.toBeNull();
    expect(flags.prompt).toMatch(/avoid long‑lived unused flags\?$/);

    await prisma.topic.update({ where: { slug: DOC_TOPIC }, data: { deletedAt: new Date() } });
    editDoc((text) => text.replace('Unlock Full Question Bank', 'HardBehavioral\n3 practiced\nTell me about a release you rolled back and what you changed afterwards.\n\nUnlock Full Question Bank'));
    const [summary] = await seedBank({ dir });
    expect(summary).toEqual({ topic: DOC_TOPIC, created: 0, updated: 0, kept: [] });
    expect((await topic(DOC_TOPIC)).deletedAt).not.toBeNull();
    expect(await prisma.question.count({ where: { topic: { slug: DOC_TOPIC } } })).toBe(5);
  });
});

describe('re-seeding from a seed topic', () => {
  it("takes a seed topic's fixes where nobody changed them and keeps an admin's edits, named", async () => {
    const { questions } = JSON.parse(readFileSync(topicFile(), 'utf8')) as SeedTopic;
    const [edited, fixed] = questions as [string, string];
    const actor = await admin();
    const adminPrompt = 'How would you lay out the stages of a pipeline that builds once and promotes? (admin wording)';
    await adminEditsQuestion(actor, edited, { prompt: adminPrompt });
    await adminEditsTopic(actor, 'ci-cd-pipelines', { description: 'An admin described this topic.' });

    // A maintainer fixes both questions and the topic's name, and swaps the first two questions.
    editJson<SeedQuestion>(questionFile(edited), (q) => ({ ...q, prompt: `${q.prompt} (seed fix)`, difficulty: 'HARD' }));
    editJson<SeedQuestion>(questionFile(fixed), (q) => ({ ...q, prompt: `${q.prompt} (seed fix)`, difficulty: 'EASY', tags: [...q.tags, 'reliability'] }));
    editJson<SeedTopic>(topicFile(), (t) => ({ ...t, name: 'CI/CD Pipelines and Releases', questions: [fixed, edited, ...t.questions.slice(2)] }));
    const seededFixed = JSON.parse(readFileSync(questionFile(fixed), 'utf8')) as SeedQuestion;

    const summaries = await seedBank({ dir });
    const editedNow = await question(edited);
    expect(editedNow).toMatchObject({ prompt: adminPrompt, difficulty: 'HARD', position: 1 });
    expect(await question(fixed)).toMatchObject({ prompt: seededFixed.prompt, difficulty: 'EASY', tags: seededFixed.tags, position: 0 });
    expect(await topic('ci-cd-pipelines')).toMatchObject({ name: 'CI/CD Pipelines and Releases', description: 'An admin described this topic.' });
    expect(summaries).toContainEqual({
      topic: 'ci-cd-pipelines',
      created: 0,
      updated: 2,
      kept: [
        { entity: 'topic', slug: 'ci-cd-pipelines', field: 'description', reason: 'edited' },
        { entity: 'question', slug: edited, field: 'prompt', reason: 'edited' },
      ],
    });
    // No question was added twice and no grading material changed.
    expect(summaries.filter((s) => s.topic !== DOC_TOPIC).every((s) => s.created === 0)).toBe(true);
  });

  it("keeps an admin's tags and a seed topic question's prompt in a database with no record when they differ from the seeds", async () => {
    const { questions } = JSON.parse(readFileSync(topicFile(), 'utf8')) as SeedTopic;
    const slug = questions[1]!;
    await prisma.question.updateMany({ data: { seededFields: Prisma.DbNull } });
    await prisma.question.update({ where: { slug }, data: { tags: ['chosen-by-an-admin'] } });
    editJson<SeedQuestion>(questionFile(slug), (q) => ({ ...q, prompt: `${q.prompt} (seed fix)` }));
    const before = await question(slug);

    const summaries = await seedBank({ dir });
    expect(await question(slug)).toMatchObject({ prompt: before.prompt, tags: ['chosen-by-an-admin'] });
    expect(summaries.find((s) => s.topic === 'ci-cd-pipelines')!.kept).toEqual([
      { entity: 'question', slug, field: 'prompt', reason: 'unrecorded' },
      { entity: 'question', slug, field: 'tags', reason: 'unrecorded' },
    ]);
  });
});
