// One mock interview for its owner (anyone else gets 404): its questions in order with what the
// candidate needs to answer them (for code, the starter code and the brief: the contract the
// practice page shows too, never the harness's tests), and, once finished, its attempts and the
// answers kept ungraded.
import type { AnswerKindCode } from '@/lib/labels';
import type { GradeResult } from '@/grading/contract';
import { prisma, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { visibleQuestion } from '@/server/questions/question-summary';
import { MockIdSchema, type NotGradedAnswer } from './schemas';

// `isWithdrawn`: unpublished or deleted (itself or its topic) since the interview started. It stays
// in the interview the candidate began, but finishing keeps its answer ungraded (docs/decisions/013).
export type MockQuestion = { id: string; slug: string; prompt: string; answerKind: AnswerKindCode; starterCode: string | null; brief: string | null; isWithdrawn?: boolean };
export type MockAttempt = { id: string; questionId: string; status: 'QUEUED' | 'RUNNING' | 'PASSED' | 'FAILED' | 'ERROR' | 'INFRA_ERROR'; score: number | null; result: GradeResult | null };
export type MockSessionDetail = {
  id: string;
  topic: { slug: string; name: string };
  minutes: number;
  startedAt: Date;
  endsAt: Date;
  finishedAt: Date | null;
  questions: MockQuestion[];
  attempts: MockAttempt[];
  notGraded: NotGradedAnswer[];
};

export async function getMockSession({ actor, input }: { actor: { id: string }; input: { id: string } }, db: DbClient = prisma): Promise<MockSessionDetail> {
  const { id } = MockIdSchema.parse(input);
  const session = await db.mockSession.findFirst({
    where: { id, userId: actor.id },
    select: {
      id: true,
      minutes: true,
      startedAt: true,
      endsAt: true,
      finishedAt: true,
      questionIds: true,
      notGraded: true,
      topic: { select: { slug: true, name: true } },
      attempts: { select: { id: true, questionId: true, status: true, score: true, result: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!session) throw new NotFoundError('That mock interview does not exist.');
  const rows = await db.question.findMany({
    where: { id: { in: session.questionIds } },
    select: {
      id: true,
      slug: true,
      prompt: true,
      answerKind: true,
      versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: { starterCode: true, harness: true } },
    },
  });
  const byId = new Map(rows.map((q) => [q.id, q]));
  // The same test finishing applies (finish-mock-session.ts), so the page says what finishing will do.
  const visible = new Set((await db.question.findMany({ where: { id: { in: session.questionIds }, ...visibleQuestion }, select: { id: true } })).map((q) => q.id));
  const questions = session.questionIds.flatMap((qid) => {
    const q = byId.get(qid);
    if (!q) return [];
    const version = q.versions[0];
    // Only the brief leaves here, read as get-practice-material.ts reads it.
    const harness = version?.harness as { brief?: unknown } | null | undefined;
    const brief = typeof harness?.brief === 'string' ? harness.brief : null;
    return [{ id: q.id, slug: q.slug, prompt: q.prompt, answerKind: q.answerKind, starterCode: version?.starterCode ?? null, brief, isWithdrawn: !visible.has(q.id) }];
  });
  return {
    id: session.id,
    topic: session.topic,
    minutes: session.minutes,
    startedAt: session.startedAt,
    endsAt: session.endsAt,
    finishedAt: session.finishedAt,
    questions,
    attempts: session.attempts.map((a) => ({ ...a, result: a.result as GradeResult | null })),
    notGraded: (Array.isArray(session.notGraded) ? session.notGraded : []) as NotGradedAnswer[],
  };
}
