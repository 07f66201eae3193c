// The line that explains a long wait shows 6 s after an answer was queued and 10 s after its
// grading began, counted from when the wait began as the server measured it: a page opened or
// reloaded 40 s into a wait says so at once instead of after another 6 s.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AttemptResult } from '@/components/practice/attempt-result';
import { PendingResult, SLOW_GRADING_MS, SLOW_QUEUE_MS, slowLineDelayMs } from '@/components/practice/pending-result';
import type { AttemptView } from '@/lib/attempt-view';

it('counts the time already waited in this status, never below zero', () => {
  expect(slowLineDelayMs('QUEUED')).toBe(SLOW_QUEUE_MS);
  expect(slowLineDelayMs('RUNNING')).toBe(SLOW_GRADING_MS);
  expect(slowLineDelayMs('QUEUED', 2_000)).toBe(SLOW_QUEUE_MS - 2_000);
  expect(slowLineDelayMs('RUNNING', 2_000)).toBe(SLOW_GRADING_MS - 2_000);
  expect(slowLineDelayMs('QUEUED', 40_000)).toBe(0);
});

const SLOW_QUEUE_TEXT = 'Your answer is waiting for a free grader';

it('shows the line in the first render when the wait is already long, and not before', () => {
  const render = (waitedMs?: number) => renderToStaticMarkup(createElement(PendingResult, { status: 'QUEUED', waitedMs }));
  expect(render(40_000)).toContain(SLOW_QUEUE_TEXT);
  expect(render(1_000)).not.toContain(SLOW_QUEUE_TEXT);
  expect(render()).not.toContain(SLOW_QUEUE_TEXT);
});

it("passes the server's measure of the wait from the attempt to the pending result", () => {
  const attempt: AttemptView = { id: 'a1', status: 'QUEUED', score: null, result: null, recall: null, gradedVersion: null, createdAt: new Date().toISOString(), gradedAt: null, pendingForMs: 30_000 };
  expect(renderToStaticMarkup(createElement(AttemptResult, { attempt, answerKind: 'WRITTEN' }))).toContain(SLOW_QUEUE_TEXT);
  expect(renderToStaticMarkup(createElement(AttemptResult, { attempt: { ...attempt, pendingForMs: null }, answerKind: 'WRITTEN' }))).not.toContain(SLOW_QUEUE_TEXT);
});
