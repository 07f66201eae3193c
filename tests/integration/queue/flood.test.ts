// One user floods the queue with Python answers that spin until the time limit; another user then
// submits a good answer. With one worker slot, the second user's answer is claimed as soon as the
// slow job in hand finishes and graded within about one slow job's time, however many the flood
// held; beyond three waiting the flood is refused. Real Postgres, the real worker, grading
// processes and sandbox (FIFO on today's main made the good answer wait for the whole flood).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { TooManyRequestsError } from '@/server/errors';
import { runWorker } from '@/worker/run-worker';
import { resetDatabase } from '../../support/reset-database';
import { createGradableQuestions, PYTHON, reference } from '../worker/support/gradable-questions';

const SPIN = `def compare_manifests(old, new):
    while True:
        pass
`;
const TERMINAL = ['PASSED', 'FAILED', 'ERROR', 'INFRA_ERROR'];

let stop: (() => Promise<void>) | null = null;
let python: string;

beforeEach(async () => {
  await resetDatabase();
  ({ python } = await createGradableQuestions());
});

afterEach(async () => {
  await stop?.();
  stop = null;
});

const row = (id: string) =>
  prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true, createdAt: true, startedAt: true, gradedAt: true } });

async function until(id: string, done: (status: string) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await row(id);
    if (done(value.status) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it('a flood of slow answers delays another user’s good answer by at most the slow job in hand', { timeout: 180_000 }, async () => {
  const [flooder, other] = await Promise.all(
    ['flooder@example.com', 'other@example.com'].map((email) => prisma.user.create({ data: { email }, select: { id: true } })),
  );
  const actor = (user: { id: string } | undefined) => ({ id: user!.id, role: 'CANDIDATE' as const });

  const controller = new AbortController();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const done = runWorker({ signal: controller.signal, concurrency: 1, pollMs: 200, leaseMs: 10_000, stopGraceMs: 0, log: () => {}, onReady: ready });
  stop = async () => {
    controller.abort();
    await done;
  };
  await Promise.race([isReady, done]);

  // The flood: eight slow answers as fast as they can be posted; only three are taken.
  const flood: PromiseSettledResult<{ id: string }>[] = [];
  for (let i = 0; i < 8; i++) {
    flood.push(
      await createAttempt({ actor: actor(flooder), input: { questionId: python, answer: `${SPIN}# ${i}\n` } }).then(
        (value) => ({ status: 'fulfilled' as const, value }),
        (reason: unknown) => ({ status: 'rejected' as const, reason }),
      ),
    );
  }
  const accepted = flood.flatMap((o) => (o.status === 'fulfilled' ? [o.value.id] : []));
  expect(accepted).toHaveLength(3);
  expect(flood.filter((o) => o.status === 'rejected' && o.reason instanceof TooManyRequestsError)).toHaveLength(5);

  // Wait until the first slow answer is being graded, then the other user submits.
  let first: string | undefined;
  for (const deadline = Date.now() + 60_000; !first && Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
    first = (await prisma.attempt.findFirst({ where: { id: { in: accepted }, status: { not: 'QUEUED' } }, select: { id: true } }))?.id;
  }
  if (!first) throw new Error('the worker never claimed a flooded answer');
  const good = await createAttempt({ actor: actor(other), input: { questionId: python, answer: reference(PYTHON, 'reference.py') } });

  const slow = await until(first, (status) => TERMINAL.includes(status), 60_000);
  // Timed out on every test: the candidate's error.
  expect(slow.status).toBe('ERROR');
  const slowMs = slow.gradedAt!.getTime() - slow.startedAt!.getTime();

  const graded = await until(good.id, (status) => TERMINAL.includes(status), 60_000);
  expect(graded.status).toBe('PASSED');
  // Claimed right after the slow job in hand: it waited at most one slow job...
  expect(graded.startedAt!.getTime() - graded.createdAt.getTime()).toBeLessThanOrEqual(slowMs + 2_000);
  // ...and the flood's other answers were still waiting when it was graded.
  const rest = await prisma.attempt.findMany({ where: { id: { in: accepted.filter((id) => id !== first) } }, select: { status: true, gradedAt: true } });
  expect(rest.every((r) => r.gradedAt === null || r.gradedAt > graded.gradedAt!)).toBe(true);
});
