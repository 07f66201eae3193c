// Run before Submit against the real sandbox: only the visible tests run (hidden inputs never
// reach the jail, hidden names never come back), under the same limits as grading; nothing is
// stored as an attempt or counted as practice; the per-user limits answer 429 with when to retry.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { gradeAnswer } from '@/grading/grade-answer';
import { MANIFEST_CASES } from '@/grading/harnesses/python-compare-manifests/manifest-cases';
import { prisma } from '@/server/db';
import { BadRequestError, TooManyRequestsError } from '@/server/errors';
import { errorResponse } from '@/server/http';
import { runVisibleTests } from '@/server/runs/run-visible-tests';
import { createGraderPool } from '@/worker/create-grader-pool';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string; role: 'CANDIDATE' };
let pythonId: string;
let writtenId: string;
let configId: string;
const inProcess = (request: unknown) => gradeAnswer(request);
// As the web app's run pool makes it (run-pool.ts): code only, no written warm-up.
const pool = createGraderPool({ size: 1, grades: 'code' });

beforeEach(async () => {
  await resetDatabase();
  const user = await prisma.user.create({ data: { email: 'runner@example.com' }, select: { id: true } });
  candidate = { id: user.id, role: 'CANDIDATE' };
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  const make = async (slug: string, answerKind: 'WRITTEN' | 'PYTHON' | 'CONFIG', material: object) => {
    const q = await prisma.question.create({
      data: { slug, topicId: topic.id, prompt: slug, difficulty: 'EASY', type: 'TECHNICAL', answerKind },
      select: { id: true },
    });
    await prisma.questionVersion.create({ data: { questionId: q.id, version: 1, ...material, publishedAt: new Date() } });
    return q.id;
  };
  pythonId = await make('compare-manifests', 'PYTHON', { harness: { name: 'python-compare-manifests', version: 1 } });
  writtenId = await make('explain-canaries', 'WRITTEN', { rubric: { id: 'r', version: 1 } });
  configId = await make('zero-downtime', 'CONFIG', { harness: { name: 'config-kubernetes-zero-downtime', version: 1 } });
});

afterAll(() => pool.close());

// String leaves of the hidden inputs that no visible input has: finding one means a leak.
function hiddenOnlyStrings() {
  const leaves = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...leaves(v)]) : [];
  const visible = new Set(MANIFEST_CASES.filter((c) => !c.hidden).flatMap((c) => leaves(c.args)));
  return [...new Set(MANIFEST_CASES.filter((c) => c.hidden).flatMap((c) => leaves(c.args)))].filter((s) => !visible.has(s) && s.length >= 4);
}

describe('runVisibleTests', () => {
  it('runs only the visible tests, in a grading process, and stores no attempt and no practice', async () => {
    // An answer that prints every input it is given: a hidden input would show in the output.
    const answer = 'def compare_manifests(old, new):\n    print("SEEN", old, new)\n    return old != new\n';
    const result = await runVisibleTests({ actor: candidate, input: { questionId: pythonId, answer }, grade: (r) => pool.grade(r) });
    const visible = MANIFEST_CASES.filter((c) => !c.hidden).map((c) => c.name);
    expect(result.tests.map((t) => t.name).sort()).toEqual([...visible].sort());
    expect(result.tests.some((t) => (t.output ?? '').includes('SEEN'))).toBe(true);
    const text = JSON.stringify(result);
    for (const hidden of MANIFEST_CASES.filter((c) => c.hidden)) expect(text).not.toContain(hidden.name);
    for (const leaf of hiddenOnlyStrings()) expect(text).not.toContain(leaf);
    expect(result).not.toHaveProperty('score');
    expect(await prisma.attempt.count()).toBe(0);
    expect(await prisma.questionPractice.count()).toBe(0);
    expect((await prisma.question.findUniqueOrThrow({ where: { id: pythonId }, select: { practicedByUsers: true } })).practicedByUsers).toBe(0);
    const runs = await prisma.codeRun.findMany({ select: { userId: true, finishedAt: true } });
    expect(runs).toEqual([{ userId: candidate.id, finishedAt: expect.any(Date) }]);
  });

  it('runs every check of a configuration (YAML) answer in a grading process, storing no attempt', async () => {
    const answer = 'kind: Deployment\nspec:\n  replicas: 1\n';
    const result = await runVisibleTests({ actor: candidate, input: { questionId: configId, answer }, grade: (r) => pool.grade(r) });
    expect(result.tests).toHaveLength(7);
    expect(result.tests.find((t) => t.name === 'At least two replicas')).toMatchObject({ status: 'fail', message: expect.stringContaining('spec.replicas is 1') });
    expect(await prisma.attempt.count()).toBe(0);
  });

  it('an answer that never returns is stopped by the same per-test limit as grading', async () => {
    const result = await runVisibleTests({ actor: candidate, input: { questionId: pythonId, answer: 'def compare_manifests(old, new):\n    while True:\n        pass\n' }, grade: inProcess });
    expect(result.status).not.toBe('passed');
    expect(result.tests.some((t) => /timed out|not run/.test(t.message))).toBe(true);
  });

  it('refuses a run while one is running, and past the per-minute limit, with when to retry', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = (request: unknown) => held.then(() => gradeAnswer(request));
    const answer = 'def compare_manifests(old, new):\n    return old != new\n';
    const first = runVisibleTests({ actor: candidate, input: { questionId: pythonId, answer }, grade: slow });
    await expect.poll(() => prisma.codeRun.count()).toBe(1);
    const refused = await runVisibleTests({ actor: candidate, input: { questionId: pythonId, answer }, grade: inProcess }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as Error).message).toMatch(/already running/);
    release();
    await first;
    await runVisibleTests({ actor: candidate, input: { questionId: pythonId, answer }, grade: inProcess, maxPerMinute: 2 });
    const limited = await runVisibleTests({ actor: candidate, input: { questionId: pythonId, answer }, grade: inProcess, maxPerMinute: 2 }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(TooManyRequestsError);
    expect((limited as Error).message).toMatch(/the limit is 2\)\. Try again in \d+ seconds?\./);
    const response = errorResponse(limited);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await prisma.attempt.count()).toBe(0);
  });

  it('refuses written questions and answers with a NUL byte, with a message and no run', async () => {
    const written = await runVisibleTests({ actor: candidate, input: { questionId: writtenId, answer: 'text' }, grade: inProcess }).catch((e: unknown) => e);
    expect(written).toBeInstanceOf(BadRequestError);
    const nul = await runVisibleTests({ actor: candidate, input: { questionId: pythonId, answer: 'def f():\u0000 pass' }, grade: inProcess }).catch((e: unknown) => e);
    expect(nul).toBeInstanceOf(ZodError);
    expect(errorResponse(nul).status).toBe(400);
    expect(await prisma.codeRun.count()).toBe(0);
  });
});
