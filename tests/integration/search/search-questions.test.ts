// Candidate search: PostgreSQL full-text search over prompts and tags through the GIN-indexed
// expression, filters (difficulty, type, answer kind, tag, own status), sort and pages.
import { beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { prisma } from '@/server/db';
import { listQuestionStatuses } from '@/server/search/list-question-statuses';
import { PAGE_SIZE } from '@/server/search/schemas';
import { searchQuestions } from '@/server/search/search-questions';
import { resetDatabase } from '../../support/reset-database';

let actor: { id: string };
const ids: Record<string, string> = {};

beforeEach(async () => {
  await resetDatabase();
  actor = await prisma.user.create({ data: { email: 'searcher@example.com' }, select: { id: true } });
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Ops.' }, select: { id: true } });
  const hidden = await prisma.topic.create({ data: { slug: 'draft', name: 'Draft', description: 'Draft.', published: false }, select: { id: true } });
  const make = async (slug: string, prompt: string, extra: object = {}, topicId = topic.id) => {
    ids[slug] = (
      await prisma.question.create({
        data: { slug, topicId, prompt, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', ...extra },
        select: { id: true },
      })
    ).id;
  };
  await make('canary', 'Explain canary releases and how you roll back a bad one.', { tags: ['deploys'], seededPracticeCount: 5 });
  await make('bash-deploy', 'Write a Bash script that pulls a Docker image and restarts the service.', { answerKind: 'BASH', difficulty: 'MEDIUM', tags: ['docker', 'deploys'] });
  await make('python-diff', 'Write a Python function that compares two manifests.', { answerKind: 'PYTHON', difficulty: 'HARD', tags: ['python'], seededPracticeCount: 50 });
  await make('flags', 'Describe feature flags and how they decouple deploy from release.', { type: 'SYSTEM_DESIGN' });
  await make('secret', 'Rolling back secrets in a hidden topic.', {}, hidden.id);
  await make('gone', 'Rolling back a deleted question.', { deletedAt: new Date() });
});

describe('searchQuestions', () => {
  it('matches stemmed words in prompts and tags, ranks tag matches, and never shows hidden questions', async () => {
    const rolling = await searchQuestions({ actor, input: { q: 'rolling back' } });
    expect(rolling.hits.map((h) => h.slug)).toEqual(['canary']);
    const deploys = await searchQuestions({ actor, input: { q: 'deploys' } });
    // Both carry the tag; "flags" only says "deploy" in its prompt, which weighs less.
    expect(deploys.hits.map((h) => h.slug).slice(0, 2).sort()).toEqual(['bash-deploy', 'canary']);
    expect(deploys.hits.map((h) => h.slug)).toContain('flags');
    expect((await searchQuestions({ actor, input: { q: 'deploy -docker' } })).hits.map((h) => h.slug)).not.toContain('bash-deploy');
    expect((await searchQuestions({ actor, input: { q: '"feature flags"' } })).hits.map((h) => h.slug)).toEqual(['flags']);
    expect(deploys.hits[0]).toMatchObject({ topic: { slug: 'ops', name: 'Ops' }, status: 'new' });
  });

  it('filters by difficulty, type, answer kind, tag and status, and sorts', async () => {
    const slugs = async (input: object) => (await searchQuestions({ actor, input })).hits.map((h) => h.slug);
    expect(await slugs({ difficulty: 'HARD' })).toEqual(['python-diff']);
    expect(await slugs({ type: 'SYSTEM_DESIGN' })).toEqual(['flags']);
    expect(await slugs({ kind: 'BASH' })).toEqual(['bash-deploy']);
    expect((await slugs({ tag: 'deploys' })).sort()).toEqual(['bash-deploy', 'canary']);
    expect(await slugs({ sort: 'hardest', kind: '' })).toEqual(['python-diff', 'bash-deploy', 'canary', 'flags']);
    expect((await slugs({ sort: 'popular' })).slice(0, 2)).toEqual(['python-diff', 'canary']);

    // A tag typed with a space, a hyphen or capitals finds it written either way (the seeds join
    // words with hyphens; an admin may have used a space).
    await prisma.question.update({ where: { id: ids.flags! }, data: { tags: ['feature-flags'] } });
    await prisma.question.update({ where: { id: ids.canary! }, data: { tags: ['deploys', 'feature flags'] } });
    for (const tag of ['feature-flags', 'feature flags', ' Feature  Flags ']) expect((await slugs({ tag })).sort(), tag).toEqual(['canary', 'flags']);
    expect(await slugs({ tag: 'feature' })).toEqual([]);

    await prisma.attempt.create({ data: { userId: actor.id, questionId: ids.canary!, answerKind: 'WRITTEN', answer: 'a', status: 'PASSED', score: 90 } });
    await prisma.attempt.create({ data: { userId: actor.id, questionId: ids.flags!, answerKind: 'WRITTEN', answer: 'a', status: 'FAILED', score: 10 } });
    expect(await slugs({ status: 'passed' })).toEqual(['canary']);
    expect(await slugs({ status: 'tried' })).toEqual(['flags']);
    expect((await slugs({ status: 'new' })).sort()).toEqual(['bash-deploy', 'python-diff']);
    expect(await listQuestionStatuses({ actor, input: { questionIds: [ids.canary!, ids.flags!, ids['bash-deploy']!] } })).toEqual({
      [ids.canary!]: 'passed',
      [ids.flags!]: 'tried',
      [ids['bash-deploy']!]: 'new',
    });
  });

  it('pages through results with an exact total', async () => {
    const topic = await prisma.topic.findFirstOrThrow({ where: { slug: 'ops' }, select: { id: true } });
    await prisma.question.createMany({
      data: Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({ slug: `bulk-${i}`, topicId: topic.id, prompt: `Bulk kubernetes question ${i}`, difficulty: 'EASY' as const, type: 'TECHNICAL' as const, answerKind: 'WRITTEN' as const })),
    });
    const first = await searchQuestions({ actor, input: { q: 'kubernetes' } });
    expect(first).toMatchObject({ total: PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.hits).toHaveLength(PAGE_SIZE);
    const second = await searchQuestions({ actor, input: { q: 'kubernetes', page: '2' } });
    expect(second.hits).toHaveLength(3);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.slug)).size).toBe(PAGE_SIZE + 3);
    expect(await searchQuestions({ actor, input: { q: 'kubernetes', page: '9' } })).toMatchObject({ hits: [], total: PAGE_SIZE + 3 });
  });

  it('refuses a malformed query with messages a person can read', async () => {
    const error = await searchQuestions({ actor, input: { difficulty: 'IMPOSSIBLE', page: '0' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.message).sort()).toEqual(['Difficulty is easy, medium or hard.', 'Pages start at 1.']);
  });

  it('uses the GIN index for a text search', async () => {
    await prisma.$executeRawUnsafe('SET enable_seqscan = off');
    const plan = await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT id FROM "Question" q WHERE question_search_document(q.prompt, q.tags) @@ websearch_to_tsquery('english', 'canary')`,
    );
    await prisma.$executeRawUnsafe('SET enable_seqscan = on');
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('Question_search_idx');
  });
});
