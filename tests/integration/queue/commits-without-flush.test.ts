// Wake-ups are sent after the write they announce, in a statement of their own that commits
// without waiting for the WAL flush (src/server/send-notification.ts, decision 022):
// losing one to a Postgres crash loses nothing. What must hold: the hint still arrives; the
// asynchronous commit stays confined to that one statement (never the session, never a caller's
// transaction, never a claim or the record of a grade); inside a transaction the hint waits for
// its commit and a failure aborts it, outside one a failure is logged, never thrown; and a
// submit's own transaction sends no NOTIFY (that is what made submits commit one at a time).
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { requireDatabaseUrl } from '@/server/env';
import { GRADING_JOBS_CHANNEL } from '@/server/grading-jobs/schemas';
import { sendNotification } from '@/server/send-notification';
import { claimJob } from '@/server/grading-jobs/claim-job';
import { recordGrade } from '@/server/grading-jobs/record-grade';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { resetDatabase } from '../../support/reset-database';
import { createGradableQuestions } from '../worker/support/gradable-questions';

const CHANNEL = 'rehearse_test_channel';
let listener: pg.Client;
let received: { channel: string; payload?: string }[] = [];
// One connection only, so "the next statement" runs on the connection the notification used.
let single: PrismaClient;

beforeAll(async () => {
  listener = new pg.Client({ connectionString: requireDatabaseUrl() });
  await listener.connect();
  listener.on('notification', (message) => received.push({ channel: message.channel, payload: message.payload }));
  await listener.query(`LISTEN ${CHANNEL}`);
  await listener.query(`LISTEN ${GRADING_JOBS_CHANNEL}`);
  single = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireDatabaseUrl(), max: 1 }) });
});

afterAll(async () => {
  await listener.end();
  await single.$disconnect();
});

beforeEach(() => {
  received = [];
});

afterEach(async () => {
  await resetDatabase();
});

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
};
const syncCommit = async (db: { $queryRaw: PrismaClient['$queryRaw'] }) =>
  (await db.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`)[0]!.synchronous_commit;

it('delivers the hint, and the next statement on that connection commits durably again', async () => {
  await sendNotification(CHANNEL, 'hello', single);
  await until(() => received.length > 0);
  expect(received).toEqual([{ channel: CHANNEL, payload: 'hello' }]);
  expect(await syncCommit(single)).toBe('on');
});

it("inside a transaction, leaves that transaction's commit durable and delivers the hint only when it commits", async () => {
  let insideSetting = '';
  await single.$transaction(async (tx) => {
    await sendNotification(CHANNEL, 'in-tx', tx);
    insideSetting = await syncCommit(tx);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });
  expect(insideSetting).toBe('on');
  await until(() => received.length > 0);
  expect(received).toEqual([{ channel: CHANNEL, payload: 'in-tx' }]);
});

it("a submit wakes the workers with its job's id, from a statement after the one that stored it", async () => {
  const { written: questionId } = await createGradableQuestions();
  const user = await prisma.user.create({ data: { email: 'notify@example.com' }, select: { id: true } });
  const { id } = await createAttempt({ actor: { id: user.id, role: 'CANDIDATE' }, input: { questionId, answer: 'A canary release sends a small share of traffic to the new version first.' } });
  await until(() => received.length > 0);
  const job = await prisma.gradingJob.findUniqueOrThrow({ where: { attemptId: id }, select: { id: true } });
  expect(received).toEqual([{ channel: GRADING_JOBS_CHANNEL, payload: job.id }]);

  // The storing statement itself, called directly inside a transaction, announces nothing.
  received = [];
  const client = new pg.Client({ connectionString: requireDatabaseUrl() });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT attempt_id, job_id FROM "rehearse_submit_attempt"(1, $1::uuid, $2::uuid, NULL, 'WRITTEN', 'another answer, long enough', 10, 100, 1000)`,
      [user.id, questionId],
    );
    await client.query('COMMIT');
    expect(rows[0].job_id).toMatch(/^[0-9a-f-]{36}$/);
  } finally {
    await client.end();
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(received).toEqual([]);
});

it('a claim and a record on the same connection commit durably: nothing of a wake-up lingers there', async () => {
  const { written: questionId } = await createGradableQuestions();
  const user = await prisma.user.create({ data: { email: 'claim@example.com' }, select: { id: true } });
  const { id } = await createAttempt({ actor: { id: user.id, role: 'CANDIDATE' }, input: { questionId, answer: 'A canary release sends a small share of traffic to the new version first.' } });
  const job = await claimJob({ workerId: 'flush-test', leaseMs: 30_000 }, single);
  expect(job).toMatchObject({ attemptId: id, tries: 1 });
  expect(await syncCommit(single)).toBe('on');
  const { recorded } = await recordGrade(
    {
      lease: { jobId: job!.jobId, workerId: job!.workerId, tries: job!.tries },
      result: { status: 'passed', score: 90, message: 'ok', tests: [], advice: [], gradedVersion: 'rubric:t@1', durationMs: 1 },
    },
    single,
  );
  expect(recorded).toBe(true);
  expect(await syncCommit(single)).toBe('on');
  expect((await prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('PASSED');
});


it('a wake-up that Postgres refuses is logged outside a transaction, and aborts the transaction inside one', async () => {
  // pg_notify refuses payloads of 8000 bytes or more.
  const tooLong = 'x'.repeat(9_000);
  await expect(sendNotification(CHANNEL, tooLong, single)).resolves.toBeUndefined();
  await expect(single.$transaction(async (tx) => sendNotification(CHANNEL, tooLong, tx))).rejects.toThrow(/payload string too long/);
  expect(await syncCommit(single)).toBe('on');
});
