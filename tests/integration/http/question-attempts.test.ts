// GET /api/questions/<id>/attempts: the caller's own history on a question that is there; a
// question that is not (unknown, unpublished, deleted, or in a hidden topic) is a JSON 404, as
// GET /api/questions/<id>/practice answers, not an empty list that reads as "not tried yet".
import { call, harness } from './route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as getAttempts } from '@/app/api/questions/[id]/attempts/route';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

const ids = { topic: '', hiddenTopic: '', version: '', owner: '' };

const question = async (slug: string, topicId = ids.topic) =>
  (
    await prisma.question.create({
      data: { slug, topicId, position: 0, prompt: `Question ${slug}?`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', published: true },
      select: { id: true },
    })
  ).id;

beforeEach(async () => {
  await resetDatabase();
  ids.topic = (await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.', published: true }, select: { id: true } })).id;
  ids.hiddenTopic = (await prisma.topic.create({ data: { slug: 'draft', name: 'Draft', description: 'Not yet.', published: false }, select: { id: true } })).id;
  ids.owner = (await prisma.user.create({ data: { email: 'owner@example.com' }, select: { id: true } })).id;
  harness.user = { id: ids.owner };
});

const attempts = (questionId: string) => call(getAttempts as never, { method: 'GET', path: `/api/questions/${questionId}/attempts`, params: { id: questionId } });

const attemptOn = async (questionId: string) => {
  const version = await prisma.questionVersion.create({ data: { questionId, version: 1, rubric: { v: 1 }, publishedAt: new Date() }, select: { id: true } });
  return prisma.attempt.create({
    data: { userId: ids.owner, questionId, questionVersionId: version.id, answer: 'my answer', answerKind: 'WRITTEN', status: 'FAILED' },
    select: { id: true },
  });
};

describe('GET /api/questions/<id>/attempts', () => {
  it('lists the caller’s attempts, and an empty list for a question they have not tried', async () => {
    const tried = await question('tried');
    const untried = await question('untried');
    const mine = await attemptOn(tried);

    const listed = await attempts(tried);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { attempts: { id: string }[] }).attempts.map((a) => a.id)).toEqual([mine.id]);

    const empty = await attempts(untried);
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ attempts: [] });
  });

  it('answers a JSON 404 for a question that does not exist or is no longer available, even with attempts on it', async () => {
    const unpublished = await question('unpublished');
    const deleted = await question('deleted');
    const inHiddenTopic = await question('hidden', ids.hiddenTopic);
    await attemptOn(deleted);
    await prisma.question.update({ where: { id: unpublished }, data: { published: false } });
    await prisma.question.update({ where: { id: deleted }, data: { deletedAt: new Date() } });

    for (const questionId of [crypto.randomUUID(), unpublished, deleted, inHiddenTopic]) {
      const response = await attempts(questionId);
      expect(response.status, questionId).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: 'That question does not exist or is no longer available.' });
    }
    expect((await attempts('not-a-uuid')).status).toBe(400);
  });
});
