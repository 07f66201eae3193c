// Submitting an answer: stored and queued in one transaction, announced on commit, refused (and
// not stored) when empty, too large, or for a question a candidate cannot see.
import pg from 'pg';
import { ZodError } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CODE_ANSWER_BYTES, MAX_WRITTEN_ANSWER_CHARS } from '@/grading/contract';
import { createAttempt } from '@/server/attempts/create-attempt';
import { CreateAttemptSchema } from '@/server/attempts/schemas';
import { prisma } from '@/server/db';
import { NotFoundError, PayloadTooLargeError } from '@/server/errors';
import { errorResponse } from '@/server/http';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string; role: 'CANDIDATE' };
const questions: Record<'written' | 'bash' | 'hidden', string> = { written: '', bash: '', hidden: '' };
let versionId: string;
let listener: pg.Client | null = null;

beforeEach(async () => {
  await resetDatabase();
  const user = await prisma.user.create({ data: { email: 'cand@example.com' }, select: { id: true } });
  candidate = { id: user.id, role: 'CANDIDATE' };
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  const make = (slug: string, answerKind: 'WRITTEN' | 'BASH', published = true) =>
    prisma.question.create({
      data: { slug, topicId: topic.id, prompt: slug, difficulty: 'EASY', type: 'TECHNICAL', answerKind, published },
      select: { id: true },
    });
  questions.written = (await make('written-question', 'WRITTEN')).id;
  questions.bash = (await make('bash-question', 'BASH')).id;
  questions.hidden = (await make('hidden-question', 'WRITTEN', false)).id;
  // Version 2 is the latest published; version 3 is an unpublished draft.
  for (const [version, publishedAt] of [[1, new Date()], [2, new Date()], [3, null]] as const) {
    const row = await prisma.questionVersion.create({
      data: { questionId: questions.written, version, rubric: { v: version }, publishedAt },
      select: { id: true },
    });
    if (version === 2) versionId = row.id;
  }
});

afterEach(async () => {
  await listener?.end();
  listener = null;
});

async function listen(): Promise<string[]> {
  const payloads: string[] = [];
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on('notification', (n) => payloads.push(n.payload ?? ''));
  await listener.query('LISTEN grading_jobs');
  return payloads;
}

const waitFor = async (check: () => boolean, ms = 2_000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
};

describe('createAttempt', () => {
  it('stores the answer and a queued job, against the latest published version, and notifies on commit', async () => {
    const payloads = await listen();
    const answer = '  Canary releases send a small share of traffic to the new version first.\n';
    const created = await createAttempt({ actor: candidate, input: { questionId: questions.written, answer } });
    expect(created).toEqual({ id: expect.any(String), status: 'QUEUED' });

    // Committed before any worker ran: the answer is already safe, exactly as typed.
    const stored = await prisma.attempt.findUniqueOrThrow({
      where: { id: created.id },
      select: { userId: true, answer: true, answerKind: true, status: true, questionVersionId: true, job: { select: { id: true, state: true, tries: true } } },
    });
    expect(stored).toMatchObject({ userId: candidate.id, answer, answerKind: 'WRITTEN', status: 'QUEUED', questionVersionId: versionId });
    expect(stored.job).toMatchObject({ state: 'QUEUED', tries: 0 });
    await waitFor(() => payloads.length > 0);
    expect(payloads).toEqual([stored.job!.id]);
  });

  it('neither stores nor announces anything when the caller’s transaction rolls back', async () => {
    const payloads = await listen();
    const rollback = new Error('rolled back on purpose');
    await expect(
      prisma.$transaction(async (tx) => {
        await createAttempt({ actor: candidate, input: { questionId: questions.written, answer: 'x' } }, tx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    // A later commit's notification proves the listener works and that nothing came before it.
    const { id } = await createAttempt({ actor: candidate, input: { questionId: questions.written, answer: 'y' } });
    await waitFor(() => payloads.length > 0);
    const job = await prisma.gradingJob.findUniqueOrThrow({ where: { attemptId: id }, select: { id: true } });
    expect(payloads).toEqual([job.id]);
    expect(await prisma.attempt.count()).toBe(1);
  });

  it('refuses an empty or blank answer with a human message (400) and stores nothing', async () => {
    for (const answer of ['', '   \n\t ']) {
      const error = await createAttempt({ actor: candidate, input: { questionId: questions.written, answer } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      const response = errorResponse(error);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ fields: { answer: 'Write an answer before submitting.' } });
    }
    expect(CreateAttemptSchema.safeParse({ questionId: 'not-a-uuid', answer: 'x' }).success).toBe(false);
    expect(await prisma.attempt.count()).toBe(0);
  });

  it('refuses a written answer over 20,000 characters with 413, naming the limit and the size', async () => {
    const fits = 'a'.repeat(MAX_WRITTEN_ANSWER_CHARS);
    await expect(createAttempt({ actor: candidate, input: { questionId: questions.written, answer: fits } })).resolves.toMatchObject({ status: 'QUEUED' });
    const error = await createAttempt({ actor: candidate, input: { questionId: questions.written, answer: `${fits}b` } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as Error).message).toBe('Your answer is 20,001 characters; the limit is 20,000. Shorten it and submit again.');
    expect(errorResponse(error).status).toBe(413);
    expect(await prisma.attempt.count()).toBe(1);
  });

  it('refuses code over 64 KiB (counted in UTF-8 bytes) with 413, naming the limit and the size', async () => {
    // 21,846 three-byte characters: 65,538 bytes, although only 21,846 characters.
    const answer = '€'.repeat(Math.ceil((MAX_CODE_ANSWER_BYTES + 1) / 3));
    const error = await createAttempt({ actor: candidate, input: { questionId: questions.bash, answer } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as Error).message).toBe('Your code is 65,538 bytes; the limit is 65,536 bytes (64 KiB). Shorten it and submit again.');
    expect(errorResponse(error).status).toBe(413);
    const fits = `#!/usr/bin/env bash\n${'#'.repeat(MAX_CODE_ANSWER_BYTES - 20)}`;
    await expect(createAttempt({ actor: candidate, input: { questionId: questions.bash, answer: fits } })).resolves.toMatchObject({ status: 'QUEUED' });
    expect(await prisma.attempt.findMany({ select: { answerKind: true, questionVersionId: true } })).toEqual([{ answerKind: 'BASH', questionVersionId: null }]);
  });

  it('answers 404 for a question that is unpublished or does not exist', async () => {
    for (const questionId of [questions.hidden, '00000000-0000-4000-8000-000000000000']) {
      const error = await createAttempt({ actor: candidate, input: { questionId, answer: 'x' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(errorResponse(error).status).toBe(404);
    }
    expect(await prisma.attempt.count()).toBe(0);
  });
});
