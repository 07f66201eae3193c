// POST /api/runs when every run slot of the server is taken: the 503 says the code was not run,
// so it must not use up one of the candidate's runs a minute. It did: each refusal left a CodeRun
// row, and a candidate who retried as told got "You have run your code 6 times in the last
// minute" (429) without a single run. Real route, real run pool, real sandbox.
import { call, harness, ORIGIN } from '../http/route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as runRoute } from '@/app/api/runs/route';
import { prisma } from '@/server/db';
import { env } from '@/server/env';
import { resetDatabase } from '../../support/reset-database';

let questionId: string;

beforeEach(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  questionId = (
    await prisma.question.create({
      data: { slug: 'compare-manifests', topicId: topic.id, prompt: 'Compare manifests', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'PYTHON' },
      select: { id: true },
    })
  ).id;
  await prisma.questionVersion.create({ data: { questionId, version: 1, harness: { name: 'python-compare-manifests', version: 1 }, publishedAt: new Date() } });
});

const user = async (email: string) => (await prisma.user.create({ data: { email }, select: { id: true } })).id;

async function run(userId: string, answer: string): Promise<Response> {
  harness.user = { id: userId };
  return call(runRoute as never, { method: 'POST', path: '/api/runs', params: {}, headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ questionId, answer }) });
}

describe('Run before Submit with every run slot busy', () => {
  it('answers 503 with Retry-After, and the refused runs do not count against the candidate', async () => {
    // Answers that never return hold the slots until the sandbox stops them (a few seconds).
    const holders = await Promise.all(Array.from({ length: env.RUN_CONCURRENCY }, (_, i) => user(`holder-${i}@example.com`)));
    const held = holders.map((id) => run(id, 'def compare_manifests(old, new):\n    while True:\n        pass\n'));
    await expect.poll(() => prisma.codeRun.count({ where: { finishedAt: null } })).toBe(env.RUN_CONCURRENCY);

    const waiting = await user('waiting@example.com');
    const answer = 'def compare_manifests(old, new):\n    return old != new\n';
    // More refusals than the runs a minute allows: retrying as told must not use them up.
    for (let i = 0; i <= env.MAX_RUNS_PER_USER_PER_MINUTE; i++) {
      const refused = await run(waiting, answer);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await refused.json()).error).toMatch(/^Runs are busy right now\. Try again in about \d+ seconds \(your code was not run\)\.$/);
    }
    expect(await prisma.codeRun.count({ where: { userId: waiting } })).toBe(0);

    for (const response of await Promise.all(held)) expect(response.status).toBe(200);
    const ran = await run(waiting, answer);
    expect(ran.status).toBe(200);
    expect(await ran.json()).toMatchObject({ status: 'failed', message: expect.stringMatching(/tests passed/) });
    expect(await prisma.codeRun.count({ where: { userId: waiting } })).toBe(1);
  }, 60_000);
});
