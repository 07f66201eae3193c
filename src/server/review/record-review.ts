// Schedules the next review of a question after the candidate rated their recall of a graded
// attempt (FSRS via nextCard), and pulls forward their other cards that practise a concept this
// attempt missed: those become due now, with the reason kept for the review queue.
import type { GradeResult } from '@/grading/contract';
import type { Prisma } from '@/generated/prisma/client';
import { plainTitle } from '@/lib/plain-title';
import { prisma, type DbClient } from '@/server/db';
import { nextCard, ratingFor, type ReviewRating, type StoredCard } from './next-card';

export async function recordReview(
  { actor, input, now = new Date() }: { actor: { id: string }; input: { attemptId: string }; now?: Date },
  db: DbClient = prisma,
): Promise<{ due: Date; pulledForward: number }> {
  const attempt = await db.attempt.findFirstOrThrow({
    where: { id: input.attemptId, userId: actor.id },
    select: { questionId: true, recall: true, score: true, result: true, question: { select: { prompt: true } } },
  });
  const existing = await db.reviewCard.findUnique({
    where: { userId_questionId: { userId: actor.id, questionId: attempt.questionId } },
    select: { card: true },
  });
  const rating = ratingFor((attempt.recall ?? 'AGAIN') as ReviewRating, attempt.score);
  const card = nextCard((existing?.card as StoredCard | undefined) ?? null, rating, now);
  const due = new Date(card.due);
  const data = { card: card as unknown as Prisma.InputJsonValue, due, pulledForwardBy: null };
  await db.reviewCard.upsert({
    where: { userId_questionId: { userId: actor.id, questionId: attempt.questionId } },
    create: { userId: actor.id, questionId: attempt.questionId, ...data },
    update: data,
  });

  const missed = new Map(
    ((attempt.result as GradeResult | null)?.tests ?? []).filter((t) => t.concept && t.status !== 'pass').map((t) => [t.concept!, t.name]),
  );
  if (missed.size === 0) return { due, pulledForward: 0 };
  // Other questions this candidate has a card for, scheduled later, whose graded attempts show
  // they practise one of the missed concepts.
  const later = await db.reviewCard.findMany({
    where: { userId: actor.id, questionId: { not: attempt.questionId }, due: { gt: now } },
    select: { questionId: true },
  });
  let pulledForward = 0;
  for (const { questionId } of later) {
    const graded = await db.attempt.findFirst({
      where: { userId: actor.id, questionId, result: { not: { equals: null } } },
      orderBy: { createdAt: 'desc' },
      select: { result: true },
    });
    const shared = ((graded?.result as GradeResult | null)?.tests ?? []).find((t) => t.concept && missed.has(t.concept));
    if (!shared) continue;
    await db.reviewCard.update({
      where: { userId_questionId: { userId: actor.id, questionId } },
      data: { due: now, pulledForwardBy: `You missed “${missed.get(shared.concept!)}” in “${plainTitle(attempt.question.prompt, 80)}”` },
    });
    pulledForward += 1;
  }
  return { due, pulledForward };
}
