// /api/health and /api/ready against the real database and a real worker in this process:
// readiness flips when the worker stops, when its heartbeat goes stale, and when the queue is stuck.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from '@/app/api/ready/route';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { getReadiness, publicReadiness } from '@/server/health/get-readiness';
import { recordHeartbeat } from '@/server/workers/record-heartbeat';
import { runWorker } from '@/worker/run-worker';
import { readMigrations } from '@/server/database/apply-migrations';
import { resetDatabase } from '../../support/reset-database';

// What next.config.ts puts in the build: every migration folder's name.
beforeAll(async () => {
  process.env.REHEARSE_MIGRATIONS = (await readMigrations()).map((m) => m.name).join(',');
});

type Body = { status: string; checks: Record<string, { ok: boolean; message: string; [key: string]: unknown }> };

async function readiness(query = ''): Promise<{ status: number; body: Body }> {
  const response = await ready(new Request(`http://localhost/api/ready${query}`), undefined);
  return { status: response.status, body: (await response.json()) as Body };
}

const stops: (() => Promise<void>)[] = [];

async function startWorker() {
  const controller = new AbortController();
  let onReady!: () => void;
  const isReady = new Promise<void>((resolve) => (onReady = resolve));
  const done = runWorker({ signal: controller.signal, pollMs: 60_000, log: () => {}, onReady });
  await isReady;
  const stop = async () => {
    controller.abort();
    await done;
  };
  stops.push(stop);
  return stop;
}

afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

beforeEach(async () => {
  await resetDatabase();
});

describe('GET /api/health', () => {
  it('answers 200 without touching the database', async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('GET /api/ready', () => {
  it('flips to ready while a worker runs and back to not ready when it stops', async () => {
    const before = await readiness();
    expect(before.status).toBe(503);
    expect(before.body.checks).toMatchObject({
      database: { ok: true },
      migrations: { ok: true, pending: [] },
      workers: { ok: false, alive: 0 },
      queue: { ok: true, depth: 0 },
    });

    const stop = await startWorker();
    const during = await readiness();
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({ status: 'ready', checks: { workers: { ok: true, alive: 1 } } });

    await stop();
    const after = await readiness();
    expect(after.status).toBe(503);
    expect(after.body.checks.workers).toMatchObject({ ok: false, message: expect.stringMatching(/no worker heartbeat/) });
  });

  it('counts a worker whose heartbeat went stale (it was killed) as gone', async () => {
    await recordHeartbeat({ workerId: 'killed-worker' });
    expect((await readiness()).status).toBe(200);
    await prisma.workerHeartbeat.update({ where: { workerId: 'killed-worker' }, data: { beatAt: new Date(Date.now() - 3_600_000) } });
    const stale = await readiness();
    expect(stale.status).toBe(503);
    expect(stale.body.checks.workers).toMatchObject({ ok: false, alive: 0 });
    expect(stale.body.checks.workers!.lastBeatSecondsAgo).toBeGreaterThan(3_000);
  });

  it('reports a stuck queue: a due job that has waited past the limit', async () => {
    const topic = await prisma.topic.create({ data: { slug: 'ready', name: 'Ready', description: 'Readiness' }, select: { id: true } });
    const question = await prisma.question.create({
      data: { slug: 'ready-q', topicId: topic.id, prompt: 'Why?', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' },
      select: { id: true },
    });
    const user = await prisma.user.create({ data: { email: 'ready@example.com' }, select: { id: true } });
    const { id } = await createAttempt({ actor: { id: user.id, role: 'CANDIDATE' }, input: { questionId: question.id, answer: 'an answer' } });
    await recordHeartbeat({ workerId: 'busy-elsewhere' });
    expect((await readiness()).body.checks.queue).toMatchObject({ ok: true, depth: 1 });

    await prisma.gradingJob.update({ where: { attemptId: id }, data: { runAt: new Date(Date.now() - 3_600_000) } });
    const stuck = await readiness();
    expect(stuck.status).toBe(503);
    expect(stuck.body.checks.queue).toMatchObject({ ok: false, depth: 1, message: expect.stringMatching(/has waited/) });
  });

  it('limits the checks with ?only= (a web pod does not depend on the workers) and refuses unknown ones', async () => {
    const web = await readiness('?only=database,migrations');
    expect(web.status).toBe(200);
    expect(Object.keys(web.body.checks)).toEqual(['database', 'migrations']);

    const wrong = await readiness('?only=database,coffee');
    expect(wrong.status).toBe(400);
  });

  it('says why the database is down to the operator, and not to the world', async () => {
    // A port nothing listens on: the connection is refused, as when the database has stopped.
    const closed = new PrismaClient({ adapter: new PrismaPg({ connectionString: 'postgresql://rehearse@127.0.0.1:1/rehearse' }) });
    try {
      const report = await getReadiness({}, closed);
      expect(report.status).toBe('not_ready');
      for (const [name, check] of Object.entries(report.checks)) {
        expect(check).toMatchObject({ ok: false, message: `the ${name} check could not run; the reason is in the web server's log`, reason: "Can't reach database server at 127.0.0.1:1" });
      }
      // What an anonymous probe gets: the same verdicts, no address of ours.
      const shown = publicReadiness(report);
      expect(shown.status).toBe('not_ready');
      expect(Object.keys(shown.checks)).toEqual(Object.keys(report.checks));
      expect(JSON.stringify(shown)).not.toMatch(/127\.0\.0\.1|reach database/);
    } finally {
      await closed.$disconnect();
    }
  });
});
