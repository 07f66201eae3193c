// Everything we hold about the signed-in user, as JSON they can keep: the account (never the
// password hash), every attempt with its answer and feedback, model answers revealed, practice,
// reviews and mock interviews (with the answers kept there ungraded).
import { prisma, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';

export async function exportAccount({ actor }: { actor: { id: string } }, db: DbClient = prisma) {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      attempts: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          question: { select: { slug: true } },
          answerKind: true,
          answer: true,
          status: true,
          score: true,
          result: true,
          gradedVersion: true,
          recall: true,
          createdAt: true,
          gradedAt: true,
          mockSessionId: true,
        },
      },
      answerReveals: { select: { question: { select: { slug: true } }, revealedAt: true } },
      practices: { select: { question: { select: { slug: true } }, firstGradedAt: true } },
      reviewCards: { select: { question: { select: { slug: true } }, due: true, card: true } },
      mockSessions: {
        orderBy: { startedAt: 'asc' },
        select: { id: true, topic: { select: { slug: true } }, questionIds: true, minutes: true, startedAt: true, endsAt: true, finishedAt: true, notGraded: true },
      },
    },
  });
  if (!user) throw new NotFoundError('No such account.');
  // Mock sessions keep question ids; the export names questions by slug like everything else.
  const mockQuestionIds = [...new Set(user.mockSessions.flatMap((m) => m.questionIds))];
  const slugs = new Map(
    (await db.question.findMany({ where: { id: { in: mockQuestionIds } }, select: { id: true, slug: true } })).map((q) => [q.id, q.slug]),
  );
  const slugOf = (id: unknown) => (typeof id === 'string' ? (slugs.get(id) ?? id) : id);
  return {
    exportedAt: new Date().toISOString(),
    account: { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt },
    attempts: user.attempts.map(({ question, ...a }) => ({ question: question.slug, ...a })),
    modelAnswersRevealed: user.answerReveals.map((r) => ({ question: r.question.slug, revealedAt: r.revealedAt })),
    practised: user.practices.map((p) => ({ question: p.question.slug, firstGradedAt: p.firstGradedAt })),
    reviews: user.reviewCards.map((r) => ({ question: r.question.slug, due: r.due, card: r.card })),
    mockInterviews: user.mockSessions.map(({ topic, questionIds, notGraded, ...m }) => ({
      ...m,
      topic: topic.slug,
      questions: questionIds.map(slugOf),
      // Answers kept but not graded (too short to count), as [{ question, answer, reason }].
      notGraded: (Array.isArray(notGraded) ? notGraded : []).map((entry) => {
        const { questionId, ...rest } = (entry ?? {}) as { questionId?: unknown };
        return { question: slugOf(questionId), ...rest };
      }),
    })),
  };
}
