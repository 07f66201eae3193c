// An import never moves a question out of its topic: importing a topic's bundle under a new topic
// slug either refuses the questions (naming their topic) or imports them as copies with new slugs,
// and the original topic, its questions and their attempts stay exactly as they were.
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '@/server/bundles/export-bundle';
import { importBundle } from '@/server/bundles/import-bundle';
import type { Bundle } from '@/server/bundles/schemas';
import { createQuestion } from '@/server/curation/create-question';
import { publishQuestion } from '@/server/curation/publish-question';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { validateQuestion } from '@/server/curation/validate-question';
import { prisma } from '@/server/db';
import { getTopic } from '@/server/topics/get-topic';
import { resetDatabase } from '../../support/reset-database';
import { graders, makeAdmin, makeTopic, writtenMaterial } from './fixtures';

let bundle: Bundle;
let originalIds: string[];

beforeEach(async () => {
  await resetDatabase();
  const admin = await makeAdmin();
  const topic = await makeTopic('ops');
  const published = await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Explain canary releases for a payments API.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [] } });
  await saveQuestionMaterial({ actor: admin, input: { questionId: published.id, material: writtenMaterial() } });
  await validateQuestion({ actor: admin, input: { questionId: published.id } }, prisma, graders);
  await publishQuestion({ actor: admin, input: { questionId: published.id } });
  const user = await prisma.user.create({ data: { email: 'candidate@example.com' }, select: { id: true } });
  await prisma.attempt.create({ data: { userId: user.id, questionId: published.id, answerKind: 'WRITTEN', answer: 'x', status: 'PASSED', score: 90 } });
  const draft = await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Describe a rollback runbook.', difficulty: 'EASY', type: 'BEHAVIORAL', answerKind: 'WRITTEN', tags: [] } });
  originalIds = [published.id, draft.id];
  bundle = await exportBundle({ input: { slug: 'ops' } });
  bundle.topic = { ...bundle.topic, slug: 'ops-copy', name: 'Operations (copy)' };
});

async function originalTopicState() {
  return prisma.question.findMany({
    where: { id: { in: originalIds } },
    orderBy: { slug: 'asc' },
    select: { slug: true, topic: { select: { slug: true } }, deletedAt: true, _count: { select: { attempts: true, versions: true } } },
  });
}

describe('importing questions that belong to another topic', () => {
  it('refuses them by default, naming each question and its current topic', async () => {
    const before = await originalTopicState();
    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);
    // Nothing came in, so the new topic was not created empty either.
    expect(summary).toMatchObject({ topicCreated: false, questionsCreated: 0, questionsUpdated: 0, questionsRefused: 2 });
    expect(await prisma.topic.count({ where: { slug: 'ops-copy' } })).toBe(0);
    // Nor is a deleted topic of that slug brought back empty.
    await prisma.topic.create({ data: { slug: 'ops-copy', name: 'Old copy', description: 'Deleted.', published: true, deletedAt: new Date() } });
    await importBundle({ actor: null, input: bundle }, prisma, graders);
    expect(await prisma.topic.findUniqueOrThrow({ where: { slug: 'ops-copy' }, select: { deletedAt: true } })).toEqual({ deletedAt: expect.any(Date) });
    expect(summary.questions).toEqual([
      { slug: 'explain-canary-releases-payments-api', outcome: 'refused', copiedFrom: null, reason: expect.stringContaining('belongs to the topic "Operations" (ops)'), fieldsChanged: [], keptDraft: null },
      { slug: 'describe-rollback-runbook', outcome: 'refused', copiedFrom: null, reason: expect.stringContaining('belongs to the topic "Operations" (ops)'), fieldsChanged: [], keptDraft: null },
    ]);
    expect(await originalTopicState()).toEqual(before);
    expect((await getTopic({ slug: 'ops' }))?.questions).toHaveLength(1);
  });

  it('imports them as copies with new slugs, leaving the originals and their attempts in place', async () => {
    const before = await originalTopicState();
    const summary = await importBundle({ actor: null, input: bundle, onOtherTopic: 'copy' }, prisma, graders);
    expect(summary).toMatchObject({ questionsCreated: 2, questionsUpdated: 0, questionsRefused: 0, versionsPublished: 1 });
    expect(summary.questions.map((q) => [q.slug, q.outcome, q.copiedFrom])).toEqual([
      ['explain-canary-releases-payments-api-copy', 'created', 'explain-canary-releases-payments-api'],
      ['describe-rollback-runbook-copy', 'created', 'describe-rollback-runbook'],
    ]);
    expect(await originalTopicState()).toEqual(before);
    expect((await getTopic({ slug: 'ops' }))?.questions.map((q) => q.slug)).toEqual(['explain-canary-releases-payments-api']);
    const copies = await prisma.question.findMany({ where: { topic: { slug: 'ops-copy' } }, select: { _count: { select: { attempts: true } } } });
    expect(copies.map((c) => c._count.attempts)).toEqual([0, 0]);

    // Copying again picks the next free slug; the first copies are untouched too.
    const again = await importBundle({ actor: null, input: { ...bundle, topic: { ...bundle.topic, slug: 'ops-third' } }, onOtherTopic: 'copy' }, prisma, graders);
    expect(again.questions.map((q) => q.slug)).toEqual(['explain-canary-releases-payments-api-copy-2', 'describe-rollback-runbook-copy-2']);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'bundle.import' }, orderBy: { createdAt: 'desc' }, select: { details: true } });
    expect(audit.details).toMatchObject({ copied: ['explain-canary-releases-payments-api → explain-canary-releases-payments-api-copy-2', 'describe-rollback-runbook → describe-rollback-runbook-copy-2'] });
  });

  it('reports unchanged and updated questions of the same topic per question', async () => {
    const own = await exportBundle({ input: { slug: 'ops' } });
    const same = await importBundle({ actor: null, input: own }, prisma, graders);
    expect(same.questions.map((q) => q.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(same).toMatchObject({ questionsUnchanged: 2, questionsUpdated: 0 });
    own.questions[1]!.prompt = 'Describe a rollback runbook for a database migration.';
    const changed = await importBundle({ actor: null, input: own }, prisma, graders);
    expect(changed.questions.map((q) => [q.slug, q.outcome])).toEqual([
      ['explain-canary-releases-payments-api', 'unchanged'],
      ['describe-rollback-runbook', 'updated'],
    ]);
  });
});
