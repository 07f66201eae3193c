// A Python SyntaxError's message is several lines with a caret under the offending column; in a
// <p> with normal white-space it collapsed onto one line and the caret pointed at nothing. A
// multi-line message keeps its lines and spacing in a block that wraps instead of widening the page.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AttemptResult } from '@/components/practice/attempt-result';
import { RunResults } from '@/components/practice/run-results';
import type { GradeResult } from '@/grading/contract';

const TRACEBACK = [
  '  File "solution.py", line 1',
  '    def compare_manifests(old_manifest, new_manifest)',
  '                                                     ^',
  'SyntaxError: expected \':\'',
].join('\n');

const result: GradeResult = {
  status: 'error',
  score: 0,
  message: TRACEBACK,
  tests: [{ name: 'imports', status: 'error', message: TRACEBACK }],
  advice: [],
  gradedVersion: 'harness:h@1',
  durationMs: 10,
};

function blocks(html: string): string[] {
  return [...html.matchAll(/<pre[^>]*class="([^"]*)"[^>]*>([\s\S]*?)<\/pre>/g)].map((m) => `${m[1]}|${m[2]}`);
}

it('keeps a traceback in the attempt summary and the check on its lines, wrapping long ones', () => {
  const attempt = { id: 'a1', status: 'ERROR' as const, score: 0, result, recall: null, gradedVersion: result.gradedVersion, createdAt: '2026-12-03T05:00:00Z', gradedAt: '2026-12-03T05:00:01Z' };
  const html = renderToStaticMarkup(createElement(AttemptResult, { attempt, answerKind: 'PYTHON' }));
  const found = blocks(html).filter((b) => b.includes('                                                     ^'));
  expect(found).toHaveLength(2);
  for (const b of found) expect(b).toMatch(/whitespace-pre-wrap.*\|/);
  expect(html).toMatch(/<pre[^>]*data-testid="attempt-summary"/);
});

it('keeps a traceback in a test run on its lines', () => {
  const html = renderToStaticMarkup(createElement(RunResults, { result: { ...result, tests: [] } }));
  expect(html).toMatch(/<pre[^>]*data-testid="run-message"[^>]*>[^<]*\n {4}def compare_manifests/);
});

it('leaves a one-line message as a paragraph', () => {
  const attempt = { id: 'a1', status: 'FAILED' as const, score: 50, result: { ...result, status: 'failed' as const, score: 50, message: '1 of 2 tests passed.', tests: [] }, recall: null, gradedVersion: result.gradedVersion, createdAt: '2026-12-03T05:00:00Z', gradedAt: '2026-12-03T05:00:01Z' };
  const html = renderToStaticMarkup(createElement(AttemptResult, { attempt, answerKind: 'PYTHON' }));
  expect(html).toContain('<p data-testid="attempt-summary">1 of 2 tests passed.</p>');
});
