// The report at the end of a mock interview, from its questions, attempts and ungraded answers:
// a score per question and overall (an unanswered question scores 0), the concepts and scenarios
// missed, and what to review (every question not passed, missed concepts first). Pure.
import type { AnswerKindCode } from '@/lib/labels';
import type { MockSessionDetail } from './get-mock-session';

export type MockReportRow = {
  questionId: string;
  slug: string;
  prompt: string;
  answerKind: AnswerKindCode;
  state: 'grading' | 'graded' | 'unavailable' | 'not-answered' | 'not-graded';
  score: number | null;
  passed: boolean;
  attemptId: string | null;
  missed: string[];
  note: string | null;
};

export type MockReport = {
  rows: MockReportRow[];
  // Null until every answer is graded.
  overall: number | null;
  grading: boolean;
  conceptsMissed: { concept: string; questions: string[] }[];
  review: { slug: string; prompt: string; why: string }[];
};

export function buildMockReport(session: Pick<MockSessionDetail, 'questions' | 'attempts' | 'notGraded'>): MockReport {
  const rows: MockReportRow[] = session.questions.map((q) => {
    const attempt = session.attempts.find((a) => a.questionId === q.id) ?? null;
    const base = { questionId: q.id, slug: q.slug, prompt: q.prompt, answerKind: q.answerKind, attemptId: attempt?.id ?? null };
    if (!attempt) {
      const kept = session.notGraded.find((n) => n.questionId === q.id);
      return { ...base, state: kept ? 'not-graded' : 'not-answered', score: 0, passed: false, missed: [], note: kept ? kept.reason : null };
    }
    if (attempt.status === 'QUEUED' || attempt.status === 'RUNNING') return { ...base, state: 'grading', score: null, passed: false, missed: [], note: null };
    if (attempt.status === 'INFRA_ERROR') return { ...base, state: 'unavailable', score: null, passed: false, missed: [], note: 'We could not grade this answer; it is saved.' };
    const missed = (attempt.result?.tests ?? []).filter((t) => t.status !== 'pass').map((t) => t.concept ?? t.name);
    return { ...base, state: 'graded', score: attempt.score ?? 0, passed: attempt.status === 'PASSED', missed, note: null };
  });
  const grading = rows.some((r) => r.state === 'grading');
  const scored = rows.filter((r) => r.state !== 'unavailable');
  const overall = grading || scored.length === 0 ? null : Math.round(scored.reduce((sum, r) => sum + (r.score ?? 0), 0) / scored.length);
  const concepts = new Map<string, string[]>();
  for (const row of rows) for (const concept of row.missed) concepts.set(concept, [...(concepts.get(concept) ?? []), row.slug]);
  const conceptsMissed = [...concepts].map(([concept, questions]) => ({ concept, questions }));
  const review = rows
    .filter((r) => r.state !== 'grading' && !r.passed)
    .sort((a, b) => b.missed.length - a.missed.length)
    .map((r) => ({
      slug: r.slug,
      prompt: r.prompt,
      why: r.missed.length
        ? `missed: ${r.missed.slice(0, 3).join('; ')}${r.missed.length > 3 ? ` and ${r.missed.length - 3} more` : ''}`
        : r.state === 'not-answered'
          ? 'not answered in time'
          : r.state === 'not-graded'
            ? 'answer too short to grade'
            : 'not passed yet',
    }));
  return { rows, overall, grading, conceptsMissed, review };
}
