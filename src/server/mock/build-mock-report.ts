// The report at the end of a mock interview, from its questions, attempts and ungraded answers:
// a score per question and overall (an unanswered question scores 0), the concepts and scenarios
// missed or only partly covered, and what to review (every question not passed, most missed
// first). Pure. An answer to a question withdrawn during the interview is shown back, ungraded,
// and counts neither for nor against the overall score: the candidate could not have changed it.
// Concepts go by the names the practice feedback shows (a test's `name`; `concept` is the
// rubric's id) and are classed as it classes them (written-feedback.tsx): partly covered is not
// missed. A contradicted concept counts as missed here; its attempt page quotes the correction.
import { coverageOf } from '@/grading/contract';
import type { AnswerKindCode } from '@/lib/labels';
import type { MockSessionDetail } from './get-mock-session';

export type MockReportRow = {
  questionId: string;
  slug: string;
  prompt: string;
  answerKind: AnswerKindCode;
  state: 'grading' | 'graded' | 'unavailable' | 'not-answered' | 'not-graded' | 'withdrawn';
  score: number | null;
  passed: boolean;
  attemptId: string | null;
  // Concept or scenario names: not covered (or failed), and partly covered.
  missed: string[];
  partial: string[];
  note: string | null;
  // The answer as the candidate sent it, when it was kept but not graded.
  keptAnswer: string | null;
};

export type MockReport = {
  rows: MockReportRow[];
  // Null until every answer is graded.
  overall: number | null;
  grading: boolean;
  conceptsMissed: { concept: string; questions: string[] }[];
  conceptsPartial: { concept: string; questions: string[] }[];
  review: { slug: string; prompt: string; why: string }[];
};


function byQuestion(rows: MockReportRow[], pick: (row: MockReportRow) => string[]): { concept: string; questions: string[] }[] {
  const concepts = new Map<string, string[]>();
  for (const row of rows) for (const concept of pick(row)) concepts.set(concept, [...(concepts.get(concept) ?? []), row.slug]);
  return [...concepts].map(([concept, questions]) => ({ concept, questions }));
}

const listed = (names: string[]) => `${names.slice(0, 3).join('; ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;

function whyReview(row: MockReportRow): string {
  // Finished early or timed out alike: the session does not say which.
  if (row.state === 'not-answered') return 'not answered';
  if (row.state === 'not-graded') return 'answer too short to grade';
  const partly = row.partial.length ? `partly covered: ${listed(row.partial)}` : null;
  if (row.missed.length) return `missed: ${listed(row.missed)}${partly ? ` (${partly})` : ''}`;
  return partly ?? 'not passed yet';
}

export function buildMockReport(session: Pick<MockSessionDetail, 'questions' | 'attempts' | 'notGraded'>): MockReport {
  const rows: MockReportRow[] = session.questions.map((q) => {
    const attempt = session.attempts.find((a) => a.questionId === q.id) ?? null;
    const base = { questionId: q.id, slug: q.slug, prompt: q.prompt, answerKind: q.answerKind, attemptId: attempt?.id ?? null, keptAnswer: null };
    if (!attempt) {
      const kept = session.notGraded.find((n) => n.questionId === q.id);
      if (kept?.withdrawn) return { ...base, state: 'withdrawn', score: null, passed: false, missed: [], partial: [], note: kept.reason, keptAnswer: kept.answer };
      return { ...base, state: kept ? 'not-graded' : 'not-answered', score: 0, passed: false, missed: [], partial: [], note: kept ? kept.reason : null, keptAnswer: kept?.answer ?? null };
    }
    if (attempt.status === 'QUEUED' || attempt.status === 'RUNNING') return { ...base, state: 'grading', score: null, passed: false, missed: [], partial: [], note: null };
    if (attempt.status === 'INFRA_ERROR') return { ...base, state: 'unavailable', score: null, passed: false, missed: [], partial: [], note: 'We could not grade this answer; it is saved.' };
    const tests = attempt.result?.tests ?? [];
    const missed = tests.filter((t) => coverageOf(t) === 'missing' || coverageOf(t) === 'contradicted').map((t) => t.name);
    const partial = tests.filter((t) => coverageOf(t) === 'partial').map((t) => t.name);
    return { ...base, state: 'graded', score: attempt.score ?? 0, passed: attempt.status === 'PASSED', missed, partial, note: null };
  });
  const grading = rows.some((r) => r.state === 'grading');
  const scored = rows.filter((r) => r.state !== 'unavailable' && r.state !== 'withdrawn');
  const overall = grading || scored.length === 0 ? null : Math.round(scored.reduce((sum, r) => sum + (r.score ?? 0), 0) / scored.length);
  const conceptsMissed = byQuestion(rows, (r) => r.missed);
  const conceptsPartial = byQuestion(rows, (r) => r.partial);
  const review = rows
    // A withdrawn question cannot be practised any more.
    .filter((r) => r.state !== 'grading' && r.state !== 'withdrawn' && !r.passed)
    .sort((a, b) => b.missed.length - a.missed.length || b.partial.length - a.partial.length)
    .map((r) => ({
      slug: r.slug,
      prompt: r.prompt,
      why: whyReview(r),
    }));
  return { rows, overall, grading, conceptsMissed, conceptsPartial, review };
}
