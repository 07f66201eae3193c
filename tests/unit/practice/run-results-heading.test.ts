// The heading of a Run before Submit says how the run went in one count. It read "Some visible
// tests failed (0 of 7)" when none passed: "some" of all of them, and a count that read as none
// failing. It also promised hidden tests that a question may not have.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { RunResults } from '@/components/practice/run-results';
import type { RunResult, RunTest } from '@/server/runs/schemas';

const test = (name: string, status: RunTest['status']): RunTest => ({ name, status, message: status === 'pass' ? '' : 'not met' });

const render = (result: RunResult) => renderToStaticMarkup(createElement(RunResults, { result })).replaceAll('<!-- -->', '');
const heading = (result: RunResult) => /<h2[^>]*>([^<]*)<\/h2>/.exec(render(result))![1];
const run = (status: RunResult['status'], tests: RunTest[]): RunResult => ({ status, message: '', tests, advice: [], durationMs: 10 });

it('counts the passed tests when some failed, none passing included', () => {
  expect(heading(run('failed', [test('a', 'fail'), test('b', 'fail'), test('c', 'fail')]))).toBe('Test run: 0 of 3 visible tests passed');
  expect(heading(run('failed', [test('a', 'pass'), test('b', 'fail'), test('c', 'pass')]))).toBe('Test run: 2 of 3 visible tests passed');
});

it('keeps the all-passed heading, and gives no count to code that did not run', () => {
  expect(heading(run('passed', [test('a', 'pass'), test('b', 'pass')]))).toBe('Test run: All visible tests passed (2 of 2)');
  expect(heading(run('error', [test('a', 'error'), test('b', 'error')]))).toBe('Test run: Your code did not run');
  expect(heading(run('infra_error', []))).toBe('Test run: We could not run your code');
});

it('does not promise hidden tests a question may not have', () => {
  const html = render(run('passed', [test('a', 'pass')]));
  expect(html).not.toContain('hidden ones included');
  expect(html).toContain('including any hidden ones');
});
