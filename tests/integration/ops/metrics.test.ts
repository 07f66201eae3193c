// /metrics of the web process and the worker's metrics server, after real traffic: an API request,
// a written answer submitted and graded by the real worker, a sandbox limit hit reported.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as listTopicsRoute } from '@/app/api/topics/route';
import { GET as metricsRoute } from '@/app/metrics/route';
import { reportSandboxRun } from '@/grading/sandbox/sandbox-events';
import { sandboxInfraResult } from '@/grading/sandbox/sandbox-driver';
import { createRequestAdmission } from '@/server/admission/admit-request';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { serveWorkerMetrics } from '@/server/observability/serve-worker-metrics';
import path from 'node:path';
import { loadWrittenContent } from '@/grading/written/load-written-content';
import { runWorker } from '@/worker/run-worker';
import { resetDatabase } from '../../support/reset-database';

const TOKEN = vi.hoisted(() => {
  const token = 'test-metrics-token-0123456789';
  process.env.METRICS_TOKEN = token;
  return token;
});

const scrape = (authorization?: string) =>
  metricsRoute(new Request('http://localhost/metrics', { headers: authorization ? { authorization } : {} }));

let questionId: string;
let stopWorker: (() => Promise<void>) | undefined;

beforeAll(async () => {
  await resetDatabase();
  // One written question with its real rubric (the whole bank is not needed here).
  const { rubric } = await loadWrittenContent(path.join(process.cwd(), 'seeds', 'content', 'explain-canary-releases-contrast-blue-green'));
  const topic = await prisma.topic.create({ data: { slug: 'deploys', name: 'Deploys', description: 'Releases' }, select: { id: true } });
  ({ id: questionId } = await prisma.question.create({
    data: { slug: 'canary', topicId: topic.id, prompt: 'Explain canary releases.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'WRITTEN' },
    select: { id: true },
  }));
  await prisma.questionVersion.create({ data: { questionId, version: 1, publishedAt: new Date(), rubric: rubric as object } });
  const controller = new AbortController();
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const done = runWorker({ signal: controller.signal, pollMs: 1_000, log: () => {}, onReady });
  await ready;
  stopWorker = async () => {
    controller.abort();
    await done;
  };
});

afterAll(async () => {
  await stopWorker?.();
});

describe('GET /metrics', () => {
  it('refuses a scrape without the bearer token, or with a wrong one', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token-wrong-token')).status).toBe(401);
  });

  it('shows request durations, attempts submitted, grading histograms and the queue after an attempt', async () => {
    expect((await listTopicsRoute(new Request('http://localhost/api/topics'), undefined)).status).toBe(200);
    const user = await prisma.user.create({ data: { email: 'metrics@example.com' }, select: { id: true } });
    const { id } = await createAttempt({
      actor: { id: user.id, role: 'CANDIDATE' },
      input: { questionId, answer: 'A canary sends a small share of traffic to the new version first.' },
    });
    const deadline = Date.now() + 20_000;
    while (['QUEUED', 'RUNNING'].includes((await prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true } })).status)) {
      if (Date.now() > deadline) throw new Error('the attempt was not graded');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/rehearse_http_request_duration_seconds_count\{route="\/api\/topics",method="GET",status="200"\} 1/);
    expect(text).toMatch(/rehearse_attempts_submitted_total\{kind="written"\} 1/);
    expect(text).toMatch(/rehearse_grading_duration_seconds_bucket\{le="\+Inf",kind="written",status="(passed|failed)"\} 1/);
    expect(text).toMatch(/rehearse_grading_duration_seconds_sum\{kind="written",status="(passed|failed)"\} \d/);
    expect(text).toMatch(/^rehearse_queue_depth 0$/m);
    expect(text).toMatch(/^rehearse_queue_oldest_due_seconds 0$/m);
    expect(text).toMatch(/rehearse_process_cpu_seconds_total/);
  });

  it('counts sandbox limit hits reported by the driver', async () => {
    reportSandboxRun({ ...sandboxInfraResult(''), infraError: null, killedBy: 'memory' });
    reportSandboxRun({ ...sandboxInfraResult(''), infraError: null, killedBy: null, stdoutTruncated: true });
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/rehearse_sandbox_limit_hits_total\{limit="memory"\} 1/);
    expect(text).toMatch(/rehearse_sandbox_limit_hits_total\{limit="output"\} 1/);
  });

  it("shows the admission gate's places, queues and refusals once the web server has one", async () => {
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(before).not.toMatch(/^rehearse_web_admission_queued\{class="page"\}/m);
    // What scripts/serve.ts makes at start (the gate publishes its figures for this scrape).
    createRequestAdmission({ maxInFlight: 4, maxQueued: 10, isLoopbackRender: () => false });
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/^rehearse_web_admission_in_flight 0$/m);
    expect(text).toMatch(/^rehearse_web_admission_queued\{class="page"\} 0$/m);
    expect(text).toMatch(/^rehearse_web_admission_queued\{class="personal"\} 0$/m);
    expect(text).toMatch(/^rehearse_web_admission_refused 0$/m);
  });
});

describe('the worker metrics server', () => {
  it('serves /metrics with the token and /healthz without, and nothing else', async () => {
    const server = await serveWorkerMetrics({ port: 0, host: '127.0.0.1', token: TOKEN });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/rehearse_grading_duration_seconds_count\{kind="written"/);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/admin`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
