import { describe, expect, it } from 'vitest';
import type { TestResult } from '@/grading/contract';
import { buildMockReport } from '@/server/mock/build-mock-report';
import { pickMockQuestions, type MockCandidate } from '@/server/mock/pick-mock-questions';
import { clockAnnouncement, formatClock } from '@/components/mock/use-mock-clock';
import { describeMockTime, FINISH_GRACE_SECONDS, formatLateness, secondsLate } from '@/server/mock/mock-timing';
import { WITHDRAWN_REASON } from '@/server/mock/schemas';

const q = (id: string, answerKind: 'WRITTEN' | 'BASH' | 'PYTHON' | 'CONFIG') => ({ id, slug: id, prompt: `Prompt ${id}`, answerKind, starterCode: null, brief: null });

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
  const result = (score: number, t: TestResult[]) => ({ status: 'failed' as const, score, message: '', tests: t, advice: [], gradedVersion: 'rubric:r@1', durationMs: 1 });
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
      ['four', 'not answered'],
    ]);
  });
  it('has no overall score while an answer is still grading', () => {
    const report = buildMockReport({ questions: [q('one', 'WRITTEN')], attempts: [{ id: 'a', questionId: 'one', status: 'RUNNING', score: null, result: null }], notGraded: [] });
    expect(report).toMatchObject({ grading: true, overall: null, review: [] });
  });
  it('names concepts as the practice feedback does (not by rubric id) and tells partly covered from missed', () => {
    // As the written grader records them: `name` is what candidates read, `concept` the rubric's id.
    const concept = (name: string, id: string, coverage: 'covered' | 'partial' | 'missing' | 'contradicted') => ({
      name,
      concept: id,
      coverage,
      status: coverage === 'covered' ? ('pass' as const) : ('fail' as const),
      message: '',
    });
    const report = buildMockReport({
      questions: [q('one', 'WRITTEN'), q('two', 'WRITTEN'), q('three', 'BASH')],
      attempts: [
        {
          id: 'a1',
          questionId: 'one',
          status: 'FAILED',
          score: 40,
          result: result(40, [
            concept('What a canary release is', 'canary-definition', 'covered'),
            concept('How traffic is shifted', 'traffic-shift', 'partial'),
            concept('When to roll back', 'rollback-trigger', 'missing'),
            concept('What blue-green means', 'blue-green', 'contradicted'),
          ]),
        },
        { id: 'a2', questionId: 'two', status: 'PASSED', score: 80, result: result(80, [concept('How traffic is shifted', 'traffic-shift', 'partial')]) },
        // A code test has no concept or coverage: its own name, missed when it failed.
        { id: 'a3', questionId: 'three', status: 'FAILED', score: 50, result: result(50, [{ name: 'rolls back on a failed health check', status: 'error', message: '' }]) },
      ],
      notGraded: [],
    });
    expect(report.rows.map((r) => [r.missed, r.partial])).toEqual([
      [['When to roll back', 'What blue-green means'], ['How traffic is shifted']],
      [[], ['How traffic is shifted']],
      [['rolls back on a failed health check'], []],
    ]);
    expect(report.conceptsMissed).toEqual([
      { concept: 'When to roll back', questions: ['one'] },
      { concept: 'What blue-green means', questions: ['one'] },
      { concept: 'rolls back on a failed health check', questions: ['three'] },
    ]);
    expect(report.conceptsPartial).toEqual([{ concept: 'How traffic is shifted', questions: ['one', 'two'] }]);
    expect(report.review.map((r) => [r.slug, r.why])).toEqual([
      ['one', 'missed: When to roll back; What blue-green means (partly covered: How traffic is shifted)'],
      ['three', 'missed: rolls back on a failed health check'],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/canary-definition|traffic-shift|rollback-trigger|blue-green"/);
  });
});

describe('a withdrawn question in the report', () => {
  it('shows the answer back ungraded; it counts neither way and is not offered for review', () => {
    const report = buildMockReport({
      questions: [q('one', 'WRITTEN'), q('two', 'WRITTEN')],
      attempts: [{ id: 'a1', questionId: 'two', status: 'FAILED', score: 60, result: null }],
      notGraded: [{ questionId: 'one', answer: 'My answer, kept.', reason: WITHDRAWN_REASON, withdrawn: true }],
    });
    expect(report.rows.map((r) => [r.state, r.score, r.note, r.keptAnswer])).toEqual([
      ['withdrawn', null, WITHDRAWN_REASON, 'My answer, kept.'],
      ['graded', 60, null, null],
    ]);
    expect(report.overall).toBe(60);
    expect(report.review.map((r) => r.slug)).toEqual(['two']);
  });
});

describe('mock timing', () => {
  const startedAt = new Date('2026-12-03T10:00:00Z');
  const endsAt = new Date('2026-12-03T10:15:00Z');
  const at = (seconds: number) => new Date(endsAt.getTime() + seconds * 1000);
  it('is on time within the grace and late past it, by whole seconds after the limit', () => {
    expect([-60, 0, FINISH_GRACE_SECONDS, FINISH_GRACE_SECONDS + 1, 69].map((s) => secondsLate({ endsAt, finishedAt: at(s) }))).toEqual([0, 0, 0, FINISH_GRACE_SECONDS + 1, 69]);
  });
  it('says truthfully how the finish stood against the clock', () => {
    const timing = (seconds: number) => describeMockTime({ minutes: 15, startedAt, endsAt, finishedAt: at(seconds) });
    expect(timing(-9 * 60)).toBe('Finished in about 6 of 15 minutes.');
    expect(timing(20)).toBe('Finished at the time limit (15 minutes).');
    expect(timing(69)).toMatch(/^Finished 1 min 9 s after the time limit \(15 minutes\)/);
    expect(timing(2 * 3600 + 125)).toMatch(/^Finished 2 h 2 min after the time limit/);
    expect([45, 60, 3600].map(formatLateness)).toEqual(['45 s', '1 min', '1 h']);
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
