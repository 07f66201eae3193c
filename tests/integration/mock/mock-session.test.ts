// A mock interview from start to report against a real Postgres: a topic's questions mixed written
// and code, answers that become ordinary attempts linked to the session (more at once than the
// per-user pending limit), a short written answer kept but not graded, finishing twice, an answer
// over the normal submission's size limit refused (413, naming its question, nothing stored), a
// code question's brief shown, and a session nobody else can read or finish.
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { NotFoundError, PayloadTooLargeError } from '@/server/errors';
import { buildMockReport } from '@/server/mock/build-mock-report';
import { finishMockSession } from '@/server/mock/finish-mock-session';
import { getMockSession } from '@/server/mock/get-mock-session';
import { startMockSession } from '@/server/mock/start-mock-session';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string; role: 'CANDIDATE' };
let other: { id: string; role: 'CANDIDATE' };
let topicId: string;
const LONG = 'A canary release sends a small share of real traffic to the new version first, watches its error rate and latency against the old one, and rolls back at once when they get worse.';

beforeEach(async () => {
  await resetDatabase();
  candidate = { id: (await prisma.user.create({ data: { email: 'mock@example.com' }, select: { id: true } })).id, role: 'CANDIDATE' };
  other = { id: (await prisma.user.create({ data: { email: 'other@example.com' }, select: { id: true } })).id, role: 'CANDIDATE' };
  topicId = (await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } })).id;
  for (let i = 0; i < 10; i++) {
    const answerKind = i < 7 ? 'WRITTEN' : 'BASH';
    const q = await prisma.question.create({
      data: { slug: `q-${i}`, topicId, prompt: `Question ${i}`, difficulty: 'EASY', type: 'TECHNICAL', answerKind },
      select: { id: true },
    });
    await prisma.questionVersion.create({ data: { questionId: q.id, version: 1, publishedAt: new Date(), ...(answerKind === 'WRITTEN' ? { rubric: { id: 'r', version: 1 } } : { harness: { name: 'bash-deploy', version: 1, brief: 'Reads `$1`, the version to deploy.' } }) } });
  }
});

describe('mock interviews', () => {
  it('starts with a timed mix of written and code questions from the topic', async () => {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'standard' } });
    const session = await getMockSession({ actor: candidate, input: { id } });
    expect(session.questions).toHaveLength(5);
    expect(new Set(session.questions.map((q) => q.id)).size).toBe(5);
    expect(session.questions.some((q) => q.answerKind === 'WRITTEN')).toBe(true);
    expect(session.questions.some((q) => q.answerKind === 'BASH')).toBe(true);
    expect(session.endsAt.getTime() - session.startedAt.getTime()).toBe(30 * 60_000);
    await expect(getMockSession({ actor: other, input: { id } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('finishing stores the answers as attempts of the session; a short one is kept ungraded; twice changes nothing', async () => {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'long' } });
    const { questions } = await getMockSession({ actor: candidate, input: { id } });
    const written = questions.filter((q) => q.answerKind === 'WRITTEN');
    const code = questions.find((q) => q.answerKind !== 'WRITTEN')!;
    // Four long answers (more than the 3 pending the per-user limit allows one by one), one short, one script, the rest blank.
    const answers = [
      ...written.slice(0, 4).map((q) => ({ questionId: q.id, answer: LONG })),
      { questionId: written[4]!.id, answer: 'Too short.' },
      { questionId: code.id, answer: '#!/bin/bash\necho deploy\n' },
    ];
    await expect(finishMockSession({ actor: other, input: { id, body: { answers } } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await finishMockSession({ actor: candidate, input: { id, body: { answers } } })).toEqual({ id, graded: 5, notGraded: 1, withdrawn: 0, lateSeconds: 0 });
    expect(await finishMockSession({ actor: candidate, input: { id, body: { answers } } })).toEqual({ id, graded: 0, notGraded: 0, withdrawn: 0, lateSeconds: 0 });
    const attempts = await prisma.attempt.findMany({ where: { mockSessionId: id }, select: { status: true, job: { select: { state: true } } } });
    expect(attempts).toHaveLength(5);
    for (const a of attempts) expect(a).toEqual({ status: 'QUEUED', job: { state: 'QUEUED' } });

    const session = await getMockSession({ actor: candidate, input: { id } });
    expect(session.finishedAt).not.toBeNull();
    expect(session.notGraded).toEqual([{ questionId: written[4]!.id, answer: 'Too short.', reason: expect.stringContaining('at least 20') }]);
    const report = buildMockReport(session);
    expect(report.grading).toBe(true);
    expect(report.overall).toBeNull();
    expect(report.rows.filter((r) => r.state === 'not-answered')).toHaveLength(questions.length - 6);
  });

  it('refuses an answer to a question outside the session, storing nothing', async () => {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'short' } });
    const { questions } = await getMockSession({ actor: candidate, input: { id } });
    const outside = await prisma.question.findFirstOrThrow({ where: { id: { notIn: questions.map((q) => q.id) } }, select: { id: true } });
    await expect(finishMockSession({ actor: candidate, input: { id, body: { answers: [{ questionId: outside.id, answer: LONG }] } } })).rejects.toThrow(/not part of this mock/);
    expect(await prisma.attempt.count()).toBe(0);
    expect((await getMockSession({ actor: candidate, input: { id } })).finishedAt).toBeNull();
  });

  it('refuses an answer over the normal size limit with 413 naming its question, storing nothing', async () => {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'long' } });
    const { questions } = await getMockSession({ actor: candidate, input: { id } });
    const writtenAt = questions.findIndex((q) => q.answerKind === 'WRITTEN');
    const codeAt = questions.findIndex((q) => q.answerKind !== 'WRITTEN');
    // One word repeated: under the practice word count, so it would otherwise be kept ungraded.
    const huge = [
      { questionId: questions[codeAt]!.id, answer: '#!/bin/bash\necho deploy\n' },
      { questionId: questions[writtenAt]!.id, answer: 'a'.repeat(200_000) },
    ];
    const refused = await finishMockSession({ actor: candidate, input: { id, body: { answers: huge } } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PayloadTooLargeError);
    expect((refused as PayloadTooLargeError).status).toBe(413);
    expect((refused as Error).message).toBe(`Question ${writtenAt + 1}: Your answer is 200,000 characters; the limit is 20,000. Shorten it and submit again.`);

    const bigScript = { questionId: questions[codeAt]!.id, answer: `#!/bin/bash\n${'#'.repeat(70_000)}\n` };
    await expect(finishMockSession({ actor: candidate, input: { id, body: { answers: [{ questionId: questions[writtenAt]!.id, answer: LONG }, bigScript] } } })).rejects.toThrow(
      new RegExp(`^Question ${codeAt + 1}: Your code is 70,013 bytes; the limit is 65,536 bytes`),
    );

    expect(await prisma.attempt.count()).toBe(0);
    const session = await getMockSession({ actor: candidate, input: { id } });
    expect(session.finishedAt).toBeNull();
    expect(session.notGraded).toEqual([]);
    // Shortened, the same answers go through.
    expect(await finishMockSession({ actor: candidate, input: { id, body: { answers: [{ questionId: questions[writtenAt]!.id, answer: LONG }] } } })).toEqual({ id, graded: 1, notGraded: 0, withdrawn: 0, lateSeconds: 0 });
  });

  it('gives a code question its brief (the contract the practice page shows), a written one none', async () => {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'long' } });
    const { questions } = await getMockSession({ actor: candidate, input: { id } });
    for (const q of questions) expect(q.brief).toBe(q.answerKind === 'WRITTEN' ? null : 'Reads `$1`, the version to deploy.');
  });
});
