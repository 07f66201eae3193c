// A candidate's progress: per topic (questions new / tried / passed), per concept (rubric
// concepts and harness scenarios, judged on the latest graded attempt of each question), a daily
// streak and an activity calendar. Days are UTC days.
import type { GradeResult } from '@/grading/contract';
import { plainTitle } from '@/lib/plain-title';
import { prisma, type DbClient } from '@/server/db';

export type TopicProgress = { slug: string; name: string; total: number; tried: number; passed: number };
// Each question a concept was judged on, by its slug (for the link) and its title (for the text).
// `partly`: not covered, but the written grader found part of it (coverage 'partial').
export type ConceptProgress = { name: string; kind: 'concept' | 'scenario'; covered: number; partly: number; seen: number; questions: { slug: string; title: string }[] };
export type Progress = {
  topics: TopicProgress[];
  concepts: ConceptProgress[];
  streak: number;
  // attempts per UTC day (YYYY-MM-DD) over the last CALENDAR_DAYS days, oldest first
  calendar: { day: string; attempts: number }[];
  attempts: number;
};

export const CALENDAR_DAYS = 84;
const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const mastery = (c: ConceptProgress) => (c.covered + c.partly / 2) / c.seen;

// Consecutive days with practice, ending today (or yesterday, so the streak is not lost before
// today's practice).
export function countStreak(days: Set<string>, now: Date): number {
  let cursor = new Date(now.getTime());
  if (!days.has(dayOf(cursor))) cursor = new Date(cursor.getTime() - DAY_MS);
  let streak = 0;
  while (days.has(dayOf(cursor))) {
    streak += 1;
    cursor = new Date(cursor.getTime() - DAY_MS);
  }
  return streak;
}

export async function getProgress(
  { actor, now = new Date() }: { actor: { id: string }; now?: Date },
  db: DbClient = prisma,
): Promise<Progress> {
  const [topics, attempts] = await Promise.all([
    db.topic.findMany({
      where: { published: true, deletedAt: null },
      orderBy: { name: 'asc' },
      select: { slug: true, name: true, questions: { where: { published: true, deletedAt: null }, select: { id: true } } },
    }),
    db.attempt.findMany({
      where: { userId: actor.id },
      orderBy: { createdAt: 'desc' },
      select: { questionId: true, status: true, result: true, createdAt: true, question: { select: { slug: true } } },
    }),
  ]);
  const tried = new Set(attempts.map((a) => a.questionId));
  const passed = new Set(attempts.filter((a) => a.status === 'PASSED').map((a) => a.questionId));

  // Concepts from the latest graded attempt of each question (newest first, so the first seen).
  const latest = new Map<string, (typeof attempts)[number]>();
  for (const a of attempts) if (['PASSED', 'FAILED', 'ERROR'].includes(a.status) && a.result && !latest.has(a.questionId)) latest.set(a.questionId, a);
  // The titles of those questions only: a prompt is read once per question, not once per attempt.
  const prompts = new Map(
    (await db.question.findMany({ where: { id: { in: [...latest.keys()] } }, select: { id: true, prompt: true } })).map((q) => [q.id, q.prompt]),
  );
  const concepts = new Map<string, ConceptProgress>();
  for (const attempt of latest.values()) {
    const slug = attempt.question.slug;
    const title = plainTitle(prompts.get(attempt.questionId) ?? slug, 80);
    for (const test of (attempt.result as GradeResult).tests) {
      const kind = test.concept ? 'concept' : 'scenario';
      const key = `${kind}:${test.name}`;
      const entry = concepts.get(key) ?? { name: test.name, kind, covered: 0, partly: 0, seen: 0, questions: [] };
      entry.seen += 1;
      if (test.status === 'pass') entry.covered += 1;
      else if (test.coverage === 'partial') entry.partly += 1;
      if (!entry.questions.some((q) => q.slug === slug)) entry.questions.push({ slug, title });
      concepts.set(key, entry);
    }
  }

  const perDay = new Map<string, number>();
  for (const a of attempts) perDay.set(dayOf(a.createdAt), (perDay.get(dayOf(a.createdAt)) ?? 0) + 1);
  const calendar = Array.from({ length: CALENDAR_DAYS }, (_, i) => {
    const day = dayOf(new Date(now.getTime() - (CALENDAR_DAYS - 1 - i) * DAY_MS));
    return { day, attempts: perDay.get(day) ?? 0 };
  });

  return {
    topics: topics.map((t) => ({
      slug: t.slug,
      name: t.name,
      total: t.questions.length,
      tried: t.questions.filter((q) => tried.has(q.id)).length,
      passed: t.questions.filter((q) => passed.has(q.id)).length,
    })),
    // Weakest first: that is what to practise next. Partly covered counts half: above missed.
    concepts: [...concepts.values()].sort((a, b) => mastery(a) - mastery(b) || a.name.localeCompare(b.name)),
    streak: countStreak(new Set(perDay.keys()), now),
    calendar,
    attempts: attempts.length,
  };
}
