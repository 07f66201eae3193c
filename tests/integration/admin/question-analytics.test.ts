// Question analytics against a real Postgres: graded attempts only, distinct candidates, pass rate,
// the score histogram, the concepts missed most and per-version counts.
import { beforeEach, describe, expect, it } from 'vitest';
import { getQuestionAnalytics } from '@/server/analytics/get-question-analytics';
import { createQuestion } from '@/server/curation/create-question';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin, makeTopic } from './fixtures';

let questionId: string;
let versionId: string;

beforeEach(async () => {
  await resetDatabase();
  const admin = await makeAdmin();
  const topic = await makeTopic();
  questionId = (await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Explain canary releases and rollback.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [] } })).id;
  versionId = (await prisma.questionVersion.findFirstOrThrow({ where: { questionId }, select: { id: true } })).id;
});

const tests = (missed: string[]) => ['traffic-split', 'rollback', 'metrics'].map((name) => ({ name, status: missed.includes(name) ? 'fail' : 'pass', message: '' }));

async function attempt(userId: string, status: 'PASSED' | 'FAILED' | 'QUEUED' | 'INFRA_ERROR', score: number | null, missed: string[] = []) {
  await prisma.attempt.create({
    data: { userId, questionId, questionVersionId: versionId, answerKind: 'WRITTEN', answer: 'x', status, score, result: score === null ? undefined : { status: 'x', tests: tests(missed) } },
  });
}

describe('getQuestionAnalytics', () => {
  it('counts graded attempts only, with the score histogram and the concepts missed most', async () => {
    const [a, b] = await Promise.all(['a@example.com', 'b@example.com'].map((email) => prisma.user.create({ data: { email }, select: { id: true } })));
    await attempt(a!.id, 'FAILED', 35, ['rollback', 'metrics']);
    await attempt(a!.id, 'PASSED', 80, ['metrics']);
    await attempt(b!.id, 'PASSED', 100);
    await attempt(b!.id, 'FAILED', 5, ['rollback', 'metrics', 'traffic-split']);
    await attempt(b!.id, 'QUEUED', null);
    await attempt(b!.id, 'INFRA_ERROR', null);

    const analytics = await getQuestionAnalytics({ input: { questionId } });
    expect(analytics).toMatchObject({ attempts: 4, users: 2, passed: 2, passRate: 50 });
    expect(analytics.distribution).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1, 1]);
    expect(analytics.mostMissed).toEqual([
      { name: 'metrics', missed: 3, partly: 0, share: 75 },
      { name: 'rollback', missed: 2, partly: 0, share: 50 },
      { name: 'traffic-split', missed: 1, partly: 0, share: 25 },
    ]);
    expect(analytics.byVersion).toEqual([{ version: 1, attempts: 4, passed: 2, averageScore: 55 }]);
  });

  it('tells a written concept partly covered from one missed', async () => {
    const user = await prisma.user.create({ data: { email: 'c@example.com' }, select: { id: true } });
    // As the written grader reports them: a concept not covered in full fails, with its coverage.
    const written = (coverage: Record<string, 'covered' | 'partial' | 'missing'>) =>
      Object.entries(coverage).map(([name, c]) => ({ name, status: c === 'covered' ? 'pass' : 'fail', coverage: c, message: '' }));
    for (const coverage of [{ metrics: 'partial', rollback: 'missing' }, { metrics: 'partial', rollback: 'partial' }, { metrics: 'partial', rollback: 'covered' }] as const) {
      await prisma.attempt.create({ data: { userId: user.id, questionId, questionVersionId: versionId, answerKind: 'WRITTEN', answer: 'x', status: 'FAILED', score: 40, result: { status: 'failed', tests: written(coverage) } } });
    }
    const { mostMissed } = await getQuestionAnalytics({ input: { questionId } });
    expect(mostMissed).toEqual([
      { name: 'metrics', missed: 3, partly: 3, share: 100 },
      { name: 'rollback', missed: 2, partly: 1, share: 67 },
    ]);
  });

  it('is empty before the first graded attempt', async () => {
    expect(await getQuestionAnalytics({ input: { questionId } })).toEqual({ attempts: 0, users: 0, passed: 0, passRate: null, distribution: Array(10).fill(0), mostMissed: [], byVersion: [] });
  });
});
