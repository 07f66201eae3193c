// The feedback on a written answer says each thing once: each sentence that earned a partly
// covered concept's claims (one sentence stating two claims appeared twice, which read like a
// bug), the count of concepts covered (the grade's message opens with it too), and what graded it
// (two lines, "Graded offline by the rubric." and "Graded against the answer checklist, version
// 2", read as two different graders). A group with nothing in it ("Covered (0)") is not shown.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AttemptResult } from '@/components/practice/attempt-result';
import { WrittenFeedback } from '@/components/practice/written-feedback';
import type { GradeResult } from '@/grading/contract';
import type { AttemptView } from '@/lib/attempt-view';
import type { AnswerKindCode } from '@/lib/labels';

const SAME = 'We compare error rates and latency between the canary and the baseline.';
const OTHER = 'The thresholds are agreed before the canary starts.';

const result: GradeResult = {
  status: 'failed',
  score: 40,
  message: '0 of 1 concepts covered.',
  advice: [],
  gradedVersion: 'rubric:canary@2',
  durationMs: 5,
  conceptsCovered: 0,
  conceptsTotal: 1,
  tests: [
    {
      name: 'Collecting and comparing metrics',
      concept: 'metrics',
      status: 'fail',
      message: 'Compares the canary against a baseline.',
      coverage: 'partial',
      claims: [
        { id: 'baseline', text: 'The canary is compared with a baseline.', status: 'met', evidence: SAME },
        { id: 'signals', text: 'Error rate and latency are compared.', status: 'met', evidence: SAME },
        { id: 'thresholds', text: 'Thresholds are agreed in advance.', status: 'partial', evidence: OTHER },
        { id: 'business', text: 'A business metric is watched as well.', status: 'missing' },
      ],
    },
  ],
};

it('quotes each sentence that earned a claim once, and names what is not yet said', () => {
  const html = renderToStaticMarkup(createElement(WrittenFeedback, { result }));
  const quotes = [...html.matchAll(/<blockquote[^>]*>“([^”]*)”<\/blockquote>/g)].map((m) => m[1]);
  expect(quotes).toEqual([SAME, OTHER]);
  expect(html).toContain('A business metric is watched as well.');
});

it('says how many concepts were covered once, above the sections', () => {
  const attempt: AttemptView = { id: 'a1', status: 'FAILED', score: 40, result: { ...result, message: '0 of 1 concepts covered. Partly covered: Collecting and comparing metrics.' }, recall: null, gradedVersion: result.gradedVersion, createdAt: '2026-12-03T05:00:00Z', gradedAt: '2026-12-03T05:00:01Z' };
  // React marks the seams between a text's parts with empty comments.
  const html = renderToStaticMarkup(createElement(AttemptResult, { attempt, answerKind: 'WRITTEN' })).replaceAll('<!-- -->', '');
  expect(html.match(/0 of 1 concepts covered/g)).toHaveLength(1);
  expect(html).toContain('Partly covered: Collecting and comparing metrics.');
});

// React marks the seams between a text's parts with empty comments.
const render = (r: GradeResult, answerKind: AnswerKindCode = 'WRITTEN') =>
  renderToStaticMarkup(
    createElement(AttemptResult, { answerKind, attempt: { id: 'a1', status: 'FAILED', score: r.score, result: r, recall: null, gradedVersion: r.gradedVersion, createdAt: '2026-12-03T05:00:00Z', gradedAt: '2026-12-03T05:00:01Z' } }),
  ).replaceAll('<!-- -->', '');
const headings = (html: string) => [...html.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);

it('says once what graded the answer and against which checklist version', () => {
  const html = render({ ...result, grader: 'offline' });
  expect(html).not.toContain('Graded offline by the rubric');
  expect(html.match(/Graded /g)).toHaveLength(1);
  expect(html).toContain('Graded by the offline grader against the answer checklist, version 2, in 0.01 s.');
  // A judge that was not used says why, on the same line.
  const fallback = render({ ...result, grader: 'offline', graderNote: 'The language-model judge was not used (timeout); this is the offline grade.' });
  expect(fallback).toMatch(/<p[^>]*data-testid="grading"[^>]*>Graded by the offline grader against the answer checklist, version 2, in 0\.01 s\. The language-model judge was not used \(timeout\); this is the offline grade\.<\/p>/);
});

it('shows no empty group: nothing covered shows no "Covered (0)", nothing missed no "Missed (0)"', () => {
  const missing: GradeResult = { ...result, tests: [{ name: 'Rolling back', concept: 'rollback', status: 'fail', message: 'How a bad canary is undone.', coverage: 'missing', followUp: 'How do you roll back?' }] };
  expect(headings(render(missing))).toEqual(['Missed (1)']);
  const covered: GradeResult = { ...result, score: 100, conceptsCovered: 1, tests: [{ name: 'Rolling back', concept: 'rollback', status: 'pass', message: 'How a bad canary is undone.', coverage: 'covered', evidence: 'We roll back.' }] };
  expect(headings(render(covered))).toEqual(['Covered (1)']);
});

it('shows no empty list of scenarios for code that produced no test result', () => {
  const html = render({ status: 'error', score: 0, message: 'The answer did not run to completion: no test produced a result.', tests: [], advice: [], gradedVersion: 'harness:bash-deploy@1', durationMs: 20 }, 'BASH');
  expect(html).not.toContain('Scenarios:');
  expect(html).toContain('The answer did not run to completion');
});
