// Ends a mock interview with everything answered so far (the candidate's "Finish", or the page at
// time-out): each answer becomes an ordinary attempt linked to the session, queued for grading in
// one transaction. A blank answer is a question left unanswered. A written answer under the
// practice rule's word count is kept on the session, not graded (it would not count as practice).
// Every answer is held to the size limit of a normal submission first, kept or graded alike (413
// naming the question, nothing stored): the session's JSON is no back door for a huge answer.
// Finishing twice (a click racing the time-out) is harmless: the second call changes nothing.
// An answer to a question withdrawn since the start (unpublished or deleted, itself or its topic)
// is kept on the session with the answer text, not graded: the session pins no version, and the
// question is no longer one candidates may practise. The others are stored and graded as usual;
// refusing the whole finish would lose every answer, since the page can only resend the same ones.
// The server's clock decides lateness: a finish past `endsAt` (beyond a short grace) is kept and
// graded (nothing typed is lost) and says how late it was; the report says so too.
// The per-user submission limits are widened by the session's size (its answers arrive together),
// and by the answers of the candidate's other mock interviews still waiting or sent in the last
// minute, up to as many as the other interviews one may run at once can hold: three interviews that
// time out together all finish (the second was refused with "8 answers waiting (the limit is 6)"),
// while a loop of interviews still cannot queue without end. The whole queue's limit still holds
// (503, nothing stored, the page keeps the answers). One finish at a time per candidate: a second
// waits for the first instead of being refused because the first holds the submission lock.
import type { AnswerKindCode } from '@/lib/labels';
import { describeTooShortAnswer } from '@/lib/practice-rule';
import { createAttempt } from '@/server/attempts/create-attempt';
import { attemptLimitsFromEnv } from '@/server/attempts/attempt-limits';
import { describeOversizeAnswer, type Actor } from '@/server/attempts/schemas';
import { prisma, type Db } from '@/server/db';
import { visibleQuestion } from '@/server/questions/question-summary';
import { BadRequestError, NotFoundError, PayloadTooLargeError } from '@/server/errors';
import { secondsLate } from './mock-timing';
import { FinishMockSchema, MAX_MOCK_QUESTIONS, MAX_RUNNING_MOCKS, MockIdSchema, WITHDRAWN_REASON, type NotGradedAnswer } from './schemas';

// What the candidate's other interviews may add to the limits of this finish.
const OTHER_MOCKS_ROOM = (MAX_RUNNING_MOCKS - 1) * MAX_MOCK_QUESTIONS;

export type FinishedMock = { id: string; graded: number; notGraded: number; withdrawn: number; lateSeconds: number };

export async function finishMockSession({ actor, input }: { actor: Actor; input: { id: string; body: unknown } }, db: Db = prisma): Promise<FinishedMock> {
  const { id } = MockIdSchema.parse({ id: input.id });
  const { answers } = FinishMockSchema.parse(input.body);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mock-finish:${actor.id}`}))`;
      const [session] = await tx.$queryRaw<{ questionIds: string[]; endsAt: Date; finishedAt: Date | null }[]>`
        SELECT "questionIds", "endsAt", "finishedAt" FROM "MockSession" WHERE id = ${id}::uuid AND "userId" = ${actor.id}::uuid FOR UPDATE`;
      if (!session) throw new NotFoundError('That mock interview does not exist.');
      // Already finished (a retry): nothing is stored twice, and the answer says how late it was.
      if (session.finishedAt) return { id, graded: 0, notGraded: 0, withdrawn: 0, lateSeconds: secondsLate({ endsAt: session.endsAt, finishedAt: session.finishedAt }) };
      const asked = new Set(session.questionIds);
      const stranger = answers.find((a) => !asked.has(a.questionId));
      if (stranger) throw new BadRequestError('An answer is for a question that is not part of this mock interview.');
      const kinds = new Map(
        (await tx.question.findMany({ where: { id: { in: session.questionIds } }, select: { id: true, answerKind: true } })).map((q) => [q.id, q.answerKind]),
      );
      // Which questions may still be graded. Withdrawn in the instant between this and
      // createAttempt, one is refused with 404 as before; the page's retry then finds it here.
      const available = new Set(
        (await tx.question.findMany({ where: { id: { in: session.questionIds }, ...visibleQuestion }, select: { id: true } })).map((q) => q.id),
      );
      // Counted as rehearse_submit_attempt counts them, on the database's clock.
      const [others] = await tx.$queryRaw<{ pending: number; recent: number }[]>`
        SELECT
          (SELECT count(*) FROM "GradingJob" j JOIN "Attempt" a ON a.id = j."attemptId"
            WHERE j.state IN ('QUEUED', 'RUNNING') AND a."userId" = ${actor.id}::uuid AND a."mockSessionId" IS NOT NULL)::int AS pending,
          (SELECT count(*) FROM "Attempt" WHERE "userId" = ${actor.id}::uuid AND "mockSessionId" IS NOT NULL
            AND "createdAt" > (now() AT TIME ZONE 'UTC') - interval '1 minute')::int AS recent`;
      const base = attemptLimitsFromEnv();
      const limits = {
        ...base,
        maxPendingPerUser: base.maxPendingPerUser + asked.size + Math.min(others?.pending ?? 0, OTHER_MOCKS_ROOM),
        maxPerUserPerMinute: base.maxPerUserPerMinute + asked.size + Math.min(others?.recent ?? 0, OTHER_MOCKS_ROOM),
      };
      // The answers to store, each checked before any is: a refusal leaves nothing half-stored.
      const toStore: { questionId: string; answer: string; kind: AnswerKindCode }[] = [];
      const seen = new Set<string>();
      for (const { questionId, answer } of answers) {
        if (seen.has(questionId) || !answer.trim()) continue;
        seen.add(questionId);
        const kind = kinds.get(questionId);
        if (!kind) continue;
        const oversize = describeOversizeAnswer(kind, answer);
        // Numbered as the page numbers them ("Question 2 of 5").
        if (oversize) throw new PayloadTooLargeError(`Question ${session.questionIds.indexOf(questionId) + 1}: ${oversize}`);
        toStore.push({ questionId, answer, kind });
      }
      const attemptIds: string[] = [];
      const notGraded: NotGradedAnswer[] = [];
      let withdrawn = 0;
      for (const { questionId, answer, kind } of toStore) {
        if (!available.has(questionId)) {
          notGraded.push({ questionId, answer, reason: WITHDRAWN_REASON, withdrawn: true });
          withdrawn += 1;
          continue;
        }
        const tooShort = describeTooShortAnswer(kind, answer);
        if (tooShort) {
          notGraded.push({ questionId, answer, reason: tooShort });
          continue;
        }
        const created = await createAttempt({ actor, input: { questionId, answer }, limits }, tx);
        attemptIds.push(created.id);
      }
      if (attemptIds.length) await tx.attempt.updateMany({ where: { id: { in: attemptIds } }, data: { mockSessionId: id } });
      const finishedAt = new Date();
      await tx.mockSession.update({ where: { id }, data: { finishedAt, notGraded }, select: { id: true } });
      return { id, graded: attemptIds.length, notGraded: notGraded.length - withdrawn, withdrawn, lateSeconds: secondsLate({ endsAt: session.endsAt, finishedAt }) };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
