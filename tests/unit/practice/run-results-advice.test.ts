// A run's linter advice (ShellCheck's "SC2034: image appears unused") is headed as the graded
// result heads it, "Advice (does not change the score)"; under a run it was a bare bullet after the
// failed tests.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { RunResults } from '@/components/practice/run-results';

it('heads the advice under a run as the graded result does', () => {
  const html = renderToStaticMarkup(
    createElement(RunResults, {
      result: { status: 'failed', message: '', tests: [{ name: 'deploys', status: 'fail', message: 'not met' }], advice: ['line 7: SC2034 (warning): image appears unused.'], durationMs: 5 },
    }),
  );
  expect(html).toMatch(/<h3[^>]*>Advice \(does not change the score\)<\/h3><ul[^>]*data-testid="run-advice"[^>]*><li>line 7: SC2034/);
});
