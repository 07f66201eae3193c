// The feedback on a written answer says each thing once: each sentence that earned a partly
// covered concept's claims (one sentence stating two claims appeared twice, which read like a
// bug), and the count of concepts covered (the grade's message opens with it too).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AttemptResult } from '@/components/practice/attempt-result';
import { WrittenFeedback } from '@/components/practice/written-feedback';
import type { GradeResult } from '@/grading/contract';
import type { AttemptView } from '@/lib/attempt-view';

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
  const html = renderToStaticMarkup(createElement(AttemptResult, { attempt })).replaceAll('<!-- -->', '');
  expect(html.match(/0 of 1 concepts covered/g)).toHaveLength(1);
  expect(html).toContain('Partly covered: Collecting and comparing metrics.');
});
