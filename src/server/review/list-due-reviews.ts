// The review queue: the candidate's cards due by the end of today (UTC), most overdue first.
import { prisma, type DbClient } from '@/server/db';

export type DueReview = { slug: string; prompt: string; due: Date; pulledForwardBy: string | null };

export function endOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 59, 59, 999));
}

export async function listDueReviews(
  { actor, now = new Date() }: { actor: { id: string }; now?: Date },
  db: DbClient = prisma,
): Promise<{ due: DueReview[]; upcoming: number }> {
  const [cards, upcoming] = await Promise.all([
    db.reviewCard.findMany({
      where: { userId: actor.id, due: { lte: endOfUtcDay(now) }, question: { published: true, deletedAt: null } },
      orderBy: { due: 'asc' },
      select: { due: true, pulledForwardBy: true, question: { select: { slug: true, prompt: true } } },
    }),
    db.reviewCard.count({ where: { userId: actor.id, due: { gt: endOfUtcDay(now) } } }),
  ]);
  return { due: cards.map((c) => ({ slug: c.question.slug, prompt: c.question.prompt, due: c.due, pulledForwardBy: c.pulledForwardBy })), upcoming };
}
