import { describe, expect, it } from 'vitest';
import { buildMockReport } from '@/server/mock/build-mock-report';
import { pickMockQuestions, type MockCandidate } from '@/server/mock/pick-mock-questions';
import { clockAnnouncement, formatClock } from '@/components/mock/use-mock-clock';

const q = (id: string, answerKind: 'WRITTEN' | 'BASH' | 'PYTHON' | 'CONFIG') => ({ id, slug: id, prompt: `Prompt ${id}`, answerKind, starterCode: null });

describe('pickMockQuestions', () => {
  const pool: MockCandidate[] = [...[...'abcdefg'].map((id): MockCandidate => ({ id, answerKind: 'WRITTEN' })), { id: 'x', answerKind: 'BASH' }, { id: 'y', answerKind: 'PYTHON' }];
  it('mixes about a third code, written first, without repeats', () => {
    const picked = pickMockQuestions(pool, 5, () => 0.5);
    expect(picked).toHaveLength(5);
    expect(new Set(picked.map((p) => p.id)).size).toBe(5);
    expect(picked.map((p) => p.answerKind === 'WRITTEN')).toEqual([true, true, true, false, false]);
    expect(pickMockQuestions(pool, 3, () => 0.1).filter((p) => p.answerKind !== 'WRITTEN')).toHaveLength(1);
  });
  it('uses what there is when the topic has one kind or too few questions', () => {
    expect(pickMockQuestions(pool.slice(0, 2), 5).map((p) => p.answerKind)).toEqual(['WRITTEN', 'WRITTEN']);
    expect(pickMockQuestions([{ id: 'x', answerKind: 'BASH' }], 3)).toHaveLength(1);
  });
});

describe('buildMockReport', () => {
  const tests = (statuses: ['pass' | 'fail', string][]) => statuses.map(([status, concept]) => ({ name: concept, status, message: '', concept }));
  const result = (score: number, t: ReturnType<typeof tests>) => ({ status: 'failed' as const, score, message: '', tests: t, advice: [], gradedVersion: 'rubric:r@1', durationMs: 1 });
  it('scores every question (unanswered and too short score 0), lists missed concepts and what to review', () => {
    const report = buildMockReport({
      questions: [q('one', 'WRITTEN'), q('two', 'BASH'), q('three', 'WRITTEN'), q('four', 'WRITTEN')],
      attempts: [
        { id: 'a1', questionId: 'one', status: 'PASSED', score: 100, result: result(100, tests([['pass', 'rollback']])) },
        { id: 'a2', questionId: 'two', status: 'FAILED', score: 50, result: result(50, tests([['pass', 'pull first'], ['fail', 'health check'], ['fail', 'rollback']])) },
      ],
      notGraded: [{ questionId: 'three', answer: 'short', reason: 'too short' }],
    });
    expect(report.overall).toBe(38);
    expect(report.rows.map((r) => r.state)).toEqual(['graded', 'graded', 'not-graded', 'not-answered']);
    expect(report.conceptsMissed).toEqual([{ concept: 'health check', questions: ['two'] }, { concept: 'rollback', questions: ['two'] }]);
    expect(report.review.map((r) => [r.slug, r.why])).toEqual([
      ['two', 'missed: health check; rollback'],
      ['three', 'answer too short to grade'],
      ['four', 'not answered in time'],
    ]);
  });
  it('has no overall score while an answer is still grading', () => {
    const report = buildMockReport({ questions: [q('one', 'WRITTEN')], attempts: [{ id: 'a', questionId: 'one', status: 'RUNNING', score: null, result: null }], notGraded: [] });
    expect(report).toMatchObject({ grading: true, overall: null, review: [] });
  });
});

describe('mock clock', () => {
  it('formats and announces only at the thresholds', () => {
    expect(formatClock(905)).toBe('15:05');
    expect([900, 301, 300, 120, 60, 1, 0].map((s) => clockAnnouncement(s, 15))).toEqual([
      null, null, 'Five minutes left.', 'Five minutes left.', 'One minute left.', 'One minute left.', 'Time is up. Your answers so far are being submitted.',
    ]);
    expect(clockAnnouncement(300, 5)).toBeNull();
  });
});
