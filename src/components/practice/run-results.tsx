import type { RunResult } from '@/server/runs/schemas';
import { CheckItem } from './attempt-result';
import { ResultMessage } from './result-message';

// The heading says how the run went in one count: "Some visible tests failed (0 of 7)" read as
// none failing, and said "some" of all of them.
function summary(result: RunResult, passed: number): string {
  const total = result.tests.length;
  switch (result.status) {
    case 'passed':
      return total > 0 ? `All visible tests passed (${passed} of ${total})` : 'All visible tests passed';
    case 'failed':
      return total > 0 ? `${passed} of ${total} visible tests passed` : 'Some visible tests failed';
    case 'error':
      return 'Your code did not run';
    case 'infra_error':
      return 'We could not run your code';
  }
}

// The visible tests of a run: not graded, not saved, no score. Submitting runs every test.
// `stale`: the editor has changed since, so these results are of an earlier version of the code.
export function RunResults({ result, stale = false }: { result: RunResult; stale?: boolean }) {
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  return (
    <section aria-labelledby="run-heading" className="space-y-3 rounded-xl border border-dashed border-slate-300 p-4 dark:border-slate-700" data-testid="run-results">
      <h2 id="run-heading" tabIndex={-1} className="font-semibold">
        Test run: {summary(result, passed)}
      </h2>
      {stale ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200" data-testid="run-stale">
          Your code has changed since this run: these results are for the earlier version. Run the tests again to check the new one.
        </p>
      ) : null}
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Only the visible tests ran. This run is not saved and does not count as an attempt; submit to be graded on every test, including any hidden ones.
      </p>
      {result.status !== 'passed' && result.message ? <ResultMessage text={result.message} className="text-sm" testId="run-message" /> : null}
      {result.tests.length > 0 ? (
        <ul className="space-y-2" data-testid="run-tests">
          {result.tests.map((t) => (
            <CheckItem key={t.name} test={t} rubric={false} />
          ))}
        </ul>
      ) : null}
      {/* Headed as the graded result heads it: a bare bullet read like one more failed test. */}
      {result.advice.length > 0 ? (
        <div>
          <h3 className="mb-2 font-semibold">Advice (does not change the score)</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="run-advice">{result.advice.map((a, i) => <li key={i}>{a}</li>)}</ul>
        </div>
      ) : null}
    </section>
  );
}
