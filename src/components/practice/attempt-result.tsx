import type { TestResult } from '@/grading/contract';
import { describeGrading, STATUS_LABEL, type AttemptView } from '@/lib/attempt-view';
import type { AnswerKindCode } from '@/lib/labels';
import { countsAsPractice } from '@/lib/practice-rule';
import { PendingResult } from './pending-result';
import { ResultMessage } from './result-message';
import { WrittenFeedback } from './written-feedback';

function ScoreBadge({ attempt }: { attempt: AttemptView }) {
  const passed = attempt.status === 'PASSED';
  return (
    <div className="flex items-center gap-4">
      <div
        className={`grid h-16 w-16 place-items-center rounded-full text-xl font-bold ring-4 ${
          passed ? 'bg-emerald-50 text-emerald-800 ring-emerald-500 dark:bg-emerald-500/10 dark:text-emerald-300' : 'bg-amber-50 text-amber-900 ring-amber-500 dark:bg-amber-500/10 dark:text-amber-200'
        }`}
      >
        <span data-testid="attempt-score">{attempt.score ?? 0}</span>
      </div>
      <div>
        <p className="text-lg font-semibold" data-testid="attempt-status">{STATUS_LABEL[attempt.status]}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">Score out of 100</p>
      </div>
    </div>
  );
}

function Output({ test }: { test: TestResult }) {
  if (!test.output && !test.calls?.length) return null;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">What your code did</summary>
      {test.calls?.length ? (
        <ol className="mt-2 space-y-0.5 rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100" aria-label="Calls your script made to the fake tools, in order">
          {test.calls.map((call, i) => (
            <li key={i}>$ {call}</li>
          ))}
        </ol>
      ) : null}
      {test.output ? (
        <pre tabIndex={0} aria-label="Output of your code" className="mt-2 max-w-full overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap text-slate-100">
          {test.output}
          {test.outputTruncated ? '\n… output truncated' : ''}
        </pre>
      ) : null}
    </details>
  );
}

export function CheckItem({ test, rubric }: { test: TestResult; rubric: boolean }) {
  const ok = test.status === 'pass';
  return (
    <li className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="check">
      <div className="flex items-start gap-2">
        <span aria-hidden className={ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'}>{ok ? '✓' : '✗'}</span>
        <div className="min-w-0 flex-1">
          <p className="font-medium">
            {test.name}
            <span className="sr-only">{ok ? ' (passed)' : ' (not met)'}</span>
            {test.hidden ? <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">hidden test</span> : null}
          </p>
          {test.message ? <ResultMessage text={test.message} className="text-sm text-slate-700 dark:text-slate-300" /> : null}
          {rubric && ok && test.evidence ? (
            <blockquote className="mt-1 border-l-2 border-emerald-400 pl-2 text-sm text-slate-600 italic dark:text-slate-400">
              “{test.evidence}”
            </blockquote>
          ) : null}
          {rubric && !ok && test.followUp ? (
            <p className="mt-1 text-sm">
              <span className="font-medium">An interviewer would ask:</span> {test.followUp}
            </p>
          ) : null}
          {!rubric ? <Output test={test} /> : null}
        </div>
      </div>
    </li>
  );
}

// A written grade's message opens with "n of m concepts covered.", which the feedback below shows
// as its headline: said once, not twice in a row.
const CONCEPT_COUNT = /^\d+ of \d+ concepts covered\.\s*/;

// Code that passes nothing is kept but not counted (src/lib/practice-rule.ts): said, so a
// candidate does not wonder why "N practiced" and their progress did not move.
const PASSES = { BASH: 'a script counts once it passes at least one scenario', PYTHON: 'code counts once it passes at least one test', CONFIG: 'a configuration counts once it passes at least one check' } as const;

// What the listed results of each kind are, named as the notice above names them: the grade's own
// summary says "All 16 tests passed", so a Python list headed "Scenarios" read as a second count.
const RESULTS_HEADING = { BASH: 'Scenarios', PYTHON: 'Tests', CONFIG: 'Checks', WRITTEN: 'Checks' } as const satisfies Record<AnswerKindCode, string>;

function NotCounted({ answerKind }: { answerKind: Exclude<AnswerKindCode, 'WRITTEN'> }) {
  return (
    <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-200" data-testid="not-counted">
      This attempt is saved in your history, but it does not count as practice: {PASSES[answerKind]}.
    </p>
  );
}

export function AttemptResult({ attempt, answerKind }: { attempt: AttemptView; answerKind: AnswerKindCode }) {
  if (attempt.status === 'QUEUED' || attempt.status === 'RUNNING') {
    return <PendingResult key={`${attempt.id}:${attempt.status}`} status={attempt.status} waitedMs={attempt.pendingForMs} />;
  }
  const result = attempt.result;
  if (attempt.status === 'INFRA_ERROR' || !result) {
    return (
      <div className="rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-500/40 dark:bg-amber-500/10">
        <h2 id="result-heading" tabIndex={-1} className="font-semibold">We could not grade this answer right now.</h2>
        <p className="text-sm">{result?.message ?? 'Your answer is saved. Please try again in a little while.'}</p>
      </div>
    );
  }
  const rubric = result.tests.some((t) => t.concept);
  const covered = result.tests.filter((t) => t.status === 'pass');
  const summary = rubric ? result.message.replace(CONCEPT_COUNT, '') : result.message;
  return (
    <section aria-labelledby="result-heading" className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" data-testid="attempt-result">
      <h2 id="result-heading" tabIndex={-1} className="text-lg font-semibold">Your result</h2>
      <ScoreBadge attempt={attempt} />
      {summary ? <ResultMessage text={summary} testId="attempt-summary" /> : null}
      {answerKind !== 'WRITTEN' && !countsAsPractice({ answerKind, status: attempt.status, score: attempt.score }) ? <NotCounted answerKind={answerKind} /> : null}
      {rubric ? (
        <WrittenFeedback result={result} />
      ) : result.tests.length > 0 ? (
        <div>
          <h3 className="mb-2 font-semibold">
            {RESULTS_HEADING[answerKind]}: {covered.length} of {result.tests.length} passed
          </h3>
          <ul className="space-y-2" data-testid="scenarios">{result.tests.map((t) => <CheckItem key={t.name} test={t} rubric={false} />)}</ul>
        </div>
      ) : null}
      {result.advice.length > 0 ? (
        <div>
          <h3 className="mb-2 font-semibold">Advice (does not change the score)</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="advice">{result.advice.map((a, i) => <li key={i}>{a}</li>)}</ul>
        </div>
      ) : null}
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="grading">
        {describeGrading(result)}
        {result.graderNote ? ` ${result.graderNote}` : ''}
      </p>
    </section>
  );
}
