// A mock report row names what an answer missed. Code that passed none of 21 tests listed all 21
// names in one paragraph, longer than the question; past a handful it now gives the first few and
// how many more. The list of questions to practise again has its own heading.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { expect, it } from 'vitest';
import { MockReport } from '@/components/mock/mock-report';
import { buildMockReport } from '@/server/mock/build-mock-report';

const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {}, hmrRefresh() {} } as unknown as AppRouterInstance;
const q = (id: string, answerKind: 'WRITTEN' | 'PYTHON') => ({ id, slug: id, prompt: `Prompt ${id}`, answerKind, starterCode: null, brief: null });
const failing = (names: string[]) => ({ status: 'failed', score: 0, message: '', advice: [], gradedVersion: 'v1', durationMs: 1, tests: names.map((name) => ({ name, status: 'fail', message: 'not met' })) });

const render = () => {
  const code = Array.from({ length: 21 }, (_, i) => `scenario ${i + 1}`);
  const written = ['concept A', 'concept B', 'concept C', 'concept D'];
  const report = buildMockReport({
    questions: [q('code', 'PYTHON'), q('written', 'WRITTEN')],
    attempts: [
      { id: 'a1', questionId: 'code', status: 'FAILED', score: 0, result: failing(code) },
      { id: 'a2', questionId: 'written', status: 'FAILED', score: 10, result: failing(written) },
    ],
    notGraded: [],
  } as unknown as Parameters<typeof buildMockReport>[0]);
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, createElement(MockReport, { report, timing: 'Finished early.' }))).replaceAll('<!-- -->', '');
};

it('names the first few of a long list of misses and counts the rest', () => {
  const html = render();
  expect(html).toContain('Missed: scenario 1; scenario 2; scenario 3 and 18 more</p>');
  expect(html).not.toContain('scenario 4;');
});

it('names every miss of a short list', () => {
  expect(render()).toContain('Missed: concept A; concept B; concept C; concept D</p>');
});

it('heads the list of questions to practise again', () => {
  expect(render()).toMatch(/<h3[^>]*id="mock-review-heading"[^>]*>Questions to practise again<\/h3><ol[^>]*aria-labelledby="mock-review-heading"/);
});
