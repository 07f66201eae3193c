// FSRS scheduling (ts-fsrs) for one question of one candidate: a pure function of the stored card,
// the rating and the clock, so tests pin the schedule on a fixed clock. No fuzz: the same inputs
// always give the same due date.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';

const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export type ReviewRating = 'AGAIN' | 'HARD' | 'GOOD' | 'EASY';

// The card as stored in ReviewCard.card (JSON: dates as ISO strings).
export type StoredCard = Omit<Card, 'due' | 'last_review'> & { due: string; last_review?: string };

const GRADE: Record<ReviewRating, Grade> = { AGAIN: Rating.Again, HARD: Rating.Hard, GOOD: Rating.Good, EASY: Rating.Easy };
const ORDER: ReviewRating[] = ['AGAIN', 'HARD', 'GOOD', 'EASY'];

// The candidate's own recall rating, tempered by the grade: an answer that scored under 50 cannot
// be rated better than Hard, and one that did not run (or scored 0) counts as Again.
export function ratingFor(recall: ReviewRating, score: number | null): ReviewRating {
  if (score === null || score === 0) return 'AGAIN';
  if (score < 50) return ORDER[Math.min(ORDER.indexOf(recall), ORDER.indexOf('HARD'))]!;
  return recall;
}

export function nextCard(stored: StoredCard | null, rating: ReviewRating, now: Date): StoredCard {
  let card: Card = createEmptyCard(now);
  if (stored) {
    const { due, last_review, ...rest } = stored;
    card = { ...rest, due: new Date(due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
  }
  const next = scheduler.next(card, now, GRADE[rating]).card;
  const { due, last_review, ...rest } = next;
  return { ...rest, due: due.toISOString(), ...(last_review ? { last_review: new Date(last_review).toISOString() } : {}) };
}
