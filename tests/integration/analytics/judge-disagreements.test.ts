// Where the language-model judge and the offline grader disagree on a question, against a real
// Postgres and a real HTTP server that speaks the OpenAI chat completions API with scripted
// replies (as in tests/integration/written/llm-judge.test.ts): a "generous" judge that finds every
// statement met, and an "agreeing" one that leaves every statement to the offline reading.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gradeAnswer } from '@/grading/grade-answer';
import { gradeWritten } from '@/grading/written/grade-written';
import { clearJudgeCache } from '@/grading/written/judge/grade-with-judge';
import { statementsOf } from '@/grading/written/judge/judge-prompt';
import { loadWrittenContent } from '@/grading/written/load-written-content';
import type { Rubric } from '@/grading/written/rubric';
import { getJudgedAttempt } from '@/server/analytics/get-judged-attempt';
import { DISAGREEMENT_POINTS, listJudgeDisagreements } from '@/server/analytics/list-judge-disagreements';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

const ANSWER =
  'A canary sends a small share of real traffic to the new version and widens it only while it stays healthy. If it fails, all traffic goes back to the stable version. We watch the dashboards.';
const FIRST_SENTENCE = 'A canary sends a small share of real traffic to the new version and widens it only while it stays healthy.';

let server: Server;
let url: string;
let rubric: Rubric;
let questionId: string;
let versionId: string;
let userId: string;

beforeAll(async () => {
  rubric = (await loadWrittenContent(path.join(process.cwd(), 'seeds', 'content', 'explain-canary-releases-contrast-blue-green'))).rubric;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { model } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string };
      const judgements =
        model === 'generous'
          ? statementsOf(rubric).map((s) => (s.id.includes('/!') ? { id: s.id, verdict: 'missing', quote: '' } : { id: s.id, verdict: 'met', quote: FIRST_SENTENCE }))
          : [];
      const content = JSON.stringify({ addressedToGrader: false, judgements });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  clearJudgeCache();
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  questionId = (await prisma.question.create({ data: { slug: 'canary', topicId: topic.id, prompt: 'Explain canaries.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' }, select: { id: true } })).id;
  versionId = (await prisma.questionVersion.create({ data: { questionId, version: 1, rubric: rubric as object, publishedAt: new Date() }, select: { id: true } })).id;
  userId = (await prisma.user.create({ data: { email: 'cand@example.com' }, select: { id: true } })).id;
});

// Grades the answer as the worker's grading process would with GRADER_LLM_MODEL=<model>, and stores it.
async function gradedBy(model: string | null) {
  const result = await gradeAnswer({ kind: 'written', answer: ANSWER, rubric }, undefined, model ? { judge: { url, model, timeoutMs: 5_000 } } : {});
  return prisma.attempt.create({
    data: { userId, questionId, questionVersionId: versionId, answerKind: 'WRITTEN', answer: ANSWER, status: result.status === 'passed' ? 'PASSED' : 'FAILED', score: result.score, result, gradedVersion: result.gradedVersion },
    select: { id: true, score: true },
  });
}

const CONFIGURED = { GRADER_LLM_URL: 'http://127.0.0.1:1', GRADER_LLM_MODEL: 'generous' };

describe('judge disagreements', () => {
  it('lists the judged attempts whose judge grade is far from the offline grade, with both scores', async () => {
    const offline = gradeWritten({ answer: ANSWER, rubric });
    const generous = await gradedBy('generous');
    await gradedBy('agreeing');
    await gradedBy(null);
    expect(generous.score! - offline.score).toBeGreaterThan(DISAGREEMENT_POINTS);

    const view = await listJudgeDisagreements({ input: { questionId, env: CONFIGURED } });
    expect(view.judge).toEqual({ state: 'configured', model: 'generous' });
    // The offline-graded attempt is not a judged one.
    expect(view.judged).toBe(2);
    expect(view.disagreements).toEqual([
      {
        attemptId: generous.id,
        createdAt: expect.any(Date),
        version: 1,
        model: 'generous',
        judgeScore: generous.score,
        judgePassed: generous.score! >= rubric.passScore,
        offlineScore: offline.score,
        offlinePassed: offline.status === 'passed',
      },
    ]);

    const detail = await getJudgedAttempt({ input: { id: generous.id } });
    expect(detail).toMatchObject({ answer: ANSWER, judge: { score: generous.score, grader: 'llm:generous' }, offline: { score: offline.score, grader: 'offline' } });
    expect(detail.judge.concepts.map((c) => c.name)).toEqual(detail.offline!.concepts.map((c) => c.name));
  });

  it('says plainly when the judge is not configured or misconfigured', async () => {
    await gradedBy(null);
    expect(await listJudgeDisagreements({ input: { questionId, env: {} } })).toEqual({ judge: { state: 'off' }, judged: 0, threshold: DISAGREEMENT_POINTS, disagreements: [] });
    expect((await listJudgeDisagreements({ input: { questionId, env: { GRADER_LLM_URL: 'not a url', GRADER_LLM_MODEL: 'x' } } })).judge).toMatchObject({ state: 'invalid', problem: expect.stringMatching(/GRADER_LLM_URL/) });
  });

  it('opens only attempts the judge graded', async () => {
    const offlineOnly = await gradedBy(null);
    await expect(getJudgedAttempt({ input: { id: offlineOnly.id } })).rejects.toThrow(/No attempt graded by the language-model judge/);
  });
});
