// Admin CRUD against a real Postgres: topics and questions listed with drafts and filters,
// created, edited and soft-deleted (attempts kept), each change in the audit log.
import { beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { describeAuditEntry } from '@/server/audit/describe-audit-entry';
import { listAuditLog } from '@/server/audit/list-audit-log';
import { AUDIT_PAGE_SIZE, AuditLogQuerySchema } from '@/server/audit/schemas';
import { createQuestion } from '@/server/curation/create-question';
import { createTopic } from '@/server/curation/create-topic';
import { deleteQuestion } from '@/server/curation/delete-question';
import { deleteTopic } from '@/server/curation/delete-topic';
import { listAdminQuestions } from '@/server/curation/list-admin-questions';
import { listAdminTopics } from '@/server/curation/list-admin-topics';
import { QuestionFiltersSchema } from '@/server/curation/schemas';
import { updateQuestion } from '@/server/curation/update-question';
import { updateTopic } from '@/server/curation/update-topic';
import { prisma } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { getQuestion } from '@/server/questions/get-question';
import { listTopics } from '@/server/topics/list-topics';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin } from './fixtures';

let admin: { id: string };
let topicId: string;

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  topicId = (await createTopic({ actor: admin, input: { slug: 'incidents', name: 'Incidents', description: 'On call and postmortems.', published: true } })).id;
});

const question = (prompt: string, extra: Partial<Parameters<typeof createQuestion>[0]['input']> = {}) =>
  createQuestion({ actor: admin, input: { topicId, prompt, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [], ...extra } });
const list = (filters: Record<string, string> = {}) => listAdminQuestions({ input: QuestionFiltersSchema.parse(filters) });

describe('topics', () => {
  it('creates a draft topic hidden from candidates, then publishes it', async () => {
    const draft = await createTopic({ actor: admin, input: { slug: 'security', name: 'Security', description: 'Keeping it safe.', published: false } });
    expect((await listAdminTopics()).map((t) => [t.slug, t.published])).toEqual([['incidents', true], ['security', false]]);
    expect((await listTopics()).map((t) => t.slug)).toEqual(['incidents']);
    await updateTopic({ actor: admin, input: { id: draft.id, slug: 'security', name: 'Security', description: 'Keeping it safe.', published: true } });
    expect((await listTopics()).map((t) => t.slug)).toEqual(['incidents', 'security']);
  });

  it('refuses a slug another topic uses, deleted ones included', async () => {
    await deleteTopic({ actor: admin, input: { id: topicId } });
    const error = await createTopic({ actor: admin, input: { slug: 'incidents', name: 'Again', description: 'x', published: true } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe('Another topic (perhaps a deleted one) already uses the slug "incidents". Choose another.');
    // The admin form marks its slug field with this.
    expect((error as ConflictError).details).toEqual({ fields: { slug: 'Already used by another topic.' } });
  });

  it('soft-deletes a topic with its questions and keeps their attempts', async () => {
    const q = await question('What goes into a good postmortem?');
    await prisma.question.update({ where: { id: q.id }, data: { published: true } });
    const user = await prisma.user.create({ data: { email: 'c@example.com' }, select: { id: true } });
    await prisma.attempt.create({ data: { userId: user.id, questionId: q.id, answerKind: 'WRITTEN', answer: 'x' } });
    expect(await deleteTopic({ actor: admin, input: { id: topicId } })).toEqual({ deletedQuestions: 1 });
    expect(await listAdminTopics()).toEqual([]);
    expect((await list()).total).toBe(0);
    expect(await getQuestion({ slug: q.slug })).toBeNull();
    expect(await prisma.attempt.count({ where: { questionId: q.id } })).toBe(1);
    expect(await prisma.topic.count()).toBe(1);
  });
});

describe('questions', () => {
  it('lists drafts and published questions with search and filters', async () => {
    const a = await question('How do you run an incident call?', { tags: ['on-call'], difficulty: 'MEDIUM' });
    await question('Write a Bash script that rotates logs.', { answerKind: 'BASH', type: 'TECHNICAL' });
    const c = await question('Tell me about a postmortem you led.', { type: 'BEHAVIORAL' });
    await prisma.question.update({ where: { id: c.id }, data: { published: true } });

    expect((await list()).total).toBe(3);
    expect((await list({ q: 'INCIDENT call' })).questions.map((q) => q.id)).toEqual([a.id]);
    expect((await list({ q: 'on-call' })).questions.map((q) => q.id)).toEqual([a.id]);
    expect((await list({ kind: 'BASH' })).questions.map((q) => q.slug)).toEqual(['write-bash-script-rotates-logs']);
    expect((await list({ type: 'BEHAVIORAL', status: 'published' })).questions.map((q) => q.id)).toEqual([c.id]);
    expect((await list({ status: 'draft', difficulty: 'MEDIUM' })).questions.map((q) => q.id)).toEqual([a.id]);
    expect((await list({ topic: 'other' })).total).toBe(0);
    const [first] = (await list({ q: 'incident' })).questions;
    expect(first).toMatchObject({ published: false, latestVersion: { version: 1, isPublished: false, validation: null }, attempts: 0, topic: { slug: 'incidents' } });
  });

  it('refuses bad input with a message per field', async () => {
    const error = await createQuestion({ actor: admin, input: { topicId, prompt: 'short', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => [i.path.join('.'), i.message])).toEqual([['prompt', 'Write the question (at least 10 characters).']]);
  });

  it('gives a second question with the same opening words its own slug, and edits fields', async () => {
    const first = await question('Explain blue green deployments in detail for operators.');
    const second = await question('Explain blue green deployments in detail for operators, again.');
    expect([first.slug, second.slug]).toEqual(['explain-blue-green-deployments-detail-operators', 'explain-blue-green-deployments-detail-operators-2']);
    await updateQuestion({ actor: admin, input: { id: second.id, topicId, slug: 'blue-green-again', prompt: 'Explain blue green deployments once more.', difficulty: 'HARD', type: 'SYSTEM_DESIGN', answerKind: 'WRITTEN', tags: ['Deploys', 'deploys'] } });
    expect(await prisma.question.findUniqueOrThrow({ where: { id: second.id }, select: { slug: true, difficulty: true, tags: true } })).toEqual({ slug: 'blue-green-again', difficulty: 'HARD', tags: ['deploys'] });
    await expect(updateQuestion({ actor: admin, input: { id: second.id, topicId, slug: first.slug, prompt: 'Explain blue green deployments once more.', difficulty: 'HARD', type: 'SYSTEM_DESIGN', answerKind: 'WRITTEN', tags: [] } })).rejects.toBeInstanceOf(ConflictError);
  });

  it('soft-deletes a question: gone from lists, attempts kept, a second delete is a 404', async () => {
    const q = await question('How do you page the right person?');
    const user = await prisma.user.create({ data: { email: 'c@example.com' }, select: { id: true } });
    await prisma.attempt.create({ data: { userId: user.id, questionId: q.id, answerKind: 'WRITTEN', answer: 'x' } });
    await deleteQuestion({ actor: admin, input: { id: q.id } });
    expect((await list()).total).toBe(0);
    expect(await prisma.attempt.count({ where: { questionId: q.id } })).toBe(1);
    await expect(deleteQuestion({ actor: admin, input: { id: q.id } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the audit log', () => {
  it('records who did what to which entity, newest first, a page at a time', async () => {
    const q = await question('How do you hand over an incident?');
    await updateQuestion({ actor: admin, input: { id: q.id, topicId, prompt: 'How do you hand over an incident well?', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [] } });
    await deleteQuestion({ actor: admin, input: { id: q.id } });
    const { entries, total } = await listAuditLog({ input: { page: 1 } });
    expect(total).toBe(4);
    expect(entries.map((e) => [e.action, e.entity, e.entityId === q.id])).toEqual([
      ['question.delete', 'question', true],
      ['question.update', 'question', true],
      ['question.create', 'question', true],
      ['topic.create', 'topic', false],
    ]);
    expect(entries[1]).toMatchObject({ actor: { email: 'admin@example.com' }, details: { changed: ['prompt'] } });

    await prisma.auditLog.createMany({ data: Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => ({ action: `bulk.${i}`, entity: 'topic', createdAt: new Date(Date.now() + 60_000 + i) })) });
    const page1 = await listAuditLog({ input: { page: 1 } });
    const page2 = await listAuditLog({ input: { page: 2 } });
    expect(page1.pageCount).toBe(2);
    expect(page1.entries[0]?.action).toBe(`bulk.${AUDIT_PAGE_SIZE - 1}`);
    expect(page2.entries.map((e) => e.action)).toEqual(['question.delete', 'question.update', 'question.create', 'topic.create']);
  });

  it('names the topics and questions of a page in one lookup: renamed and deleted ones by their current name', async () => {
    const q = await question('How do you **hand over** an incident?');
    await updateTopic({ actor: admin, input: { id: topicId, slug: 'incident-response', name: 'Incident response', description: 'On call and postmortems.', published: true } });
    await deleteQuestion({ actor: admin, input: { id: q.id } });
    // An id that is no UUID is left out of the lookup, not a database error.
    await prisma.auditLog.create({ data: { action: 'question.delete', entity: 'question', entityId: 'not-a-uuid', details: { slug: 'no-such-question' } } });
    const { entries, names } = await listAuditLog({ input: { page: 1 } });
    expect(names.topics).toEqual({ [topicId]: 'Incident response', 'incident-response': 'Incident response' });
    expect(names.questions).toEqual({ [q.id]: 'How do you hand over an incident?', [q.slug]: 'How do you hand over an incident?' });
    expect(entries.map((e) => describeAuditEntry(e, names).sentence)).toEqual([
      'The command line deleted the question “no-such-question”.',
      'admin@example.com deleted the question “How do you hand over an incident?”.',
      'admin@example.com edited the topic “Incident response”.',
      'admin@example.com created the question “How do you hand over an incident?” in the topic “Incident response”.',
      'admin@example.com created the topic “Incident response”.',
    ]);
  });

  it('filters by actor as typed: % and _ match themselves, a NUL is a message, not a database error', async () => {
    await question('How do you hand over an incident?');
    const byActor = async (actor: string) => (await listAuditLog({ input: AuditLogQuerySchema.parse({ actor }) })).total;
    expect(await byActor('admin@')).toBe(2);
    expect(await byActor('%')).toBe(0);
    expect(await byActor('admin_example')).toBe(0);
    const refused = AuditLogQuerySchema.safeParse({ actor: 'admin\u0000' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^The search contains a NUL character/);
  });
});
