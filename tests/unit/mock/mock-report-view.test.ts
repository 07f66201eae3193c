// The finished mock interview's report as the candidate reads it: a question withdrawn while they
// answered shows their answer back, offers no practice link and is not claimed as passed; a late
// finish says how late.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { expect, it } from 'vitest';
import { MockReport } from '@/components/mock/mock-report';
import { buildMockReport } from '@/server/mock/build-mock-report';
import { describeMockTime } from '@/server/mock/mock-timing';
import { WITHDRAWN_REASON } from '@/server/mock/schemas';

const q = (id: string) => ({ id, slug: id, prompt: `Prompt ${id}`, answerKind: 'WRITTEN' as const, starterCode: null, brief: null });
// The report's refresher asks for the router while answers are grading.
const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {}, hmrRefresh() {} } as unknown as AppRouterInstance;

it('shows a withdrawn answer back, and a late finish as late', () => {
  const report = buildMockReport({
    questions: [q('gone'), q('kept')],
    attempts: [{ id: 'a1', questionId: 'kept', status: 'PASSED', score: 90, result: null }],
    notGraded: [{ questionId: 'gone', answer: 'My <answer>, kept.', reason: WITHDRAWN_REASON, withdrawn: true }],
  });
  const startedAt = new Date('2026-12-03T10:00:00Z');
  const timing = describeMockTime({ minutes: 15, startedAt, endsAt: new Date('2026-12-03T10:15:00Z'), finishedAt: new Date('2026-12-03T10:16:09Z') });
  const html = renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, createElement(MockReport, { report, timing }))).replaceAll('<!-- -->', '');
  expect(html).toContain('Finished 1 min 9 s after the time limit (15 minutes)');
  expect(html).toContain('Overall score: 90 out of 100.');
  expect(html).toContain(WITHDRAWN_REASON);
  expect(html).toContain('My &lt;answer&gt;, kept.');
  expect(html).not.toContain('href="/questions/gone"');
  expect(html).toContain('href="/questions/kept"');
  expect(html).toContain('Every question still in the bank passed.');
});

it('says there is no overall score, rather than "being graded" for ever, when every answered question was withdrawn', () => {
  const report = buildMockReport({
    questions: [q('gone')],
    attempts: [],
    notGraded: [{ questionId: 'gone', answer: 'Kept.', reason: WITHDRAWN_REASON, withdrawn: true }],
  });
  const timing = 'Finished at the time limit (15 minutes).';
  const html = renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, createElement(MockReport, { report, timing }))).replaceAll('<!-- -->', '');
  expect(html).not.toContain('being graded');
  expect(html).toContain('No overall score: the questions you answered were withdrawn');
  expect(html).toContain('No answer was left to score.');
  expect(html).not.toContain('Every question');
});
