import Link from 'next/link';
import { plainTitle } from '@/lib/plain-title';
import type { MockReport as Report, MockReportRow } from '@/server/mock/build-mock-report';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { ReportRefresher } from './report-refresher';

const STATE_LABEL: Record<MockReportRow['state'], string> = {
  grading: 'Grading…',
  graded: '',
  unavailable: 'Grading unavailable',
  'not-answered': 'Not answered',
  'not-graded': 'Too short to grade',
  withdrawn: 'Withdrawn, not graded (does not count)',
};

// One report for a finished mock interview: overall and per-question scores, the concepts and
// scenarios missed or partly covered (by name, as the practice feedback names them), and what to
// review next. Announced once every answer is graded. `timing` is how the finish stood against
// the clock, in words (describeMockTime).
export function MockReport({ report, timing }: { report: Report; timing: string }) {
  return (
    <div className="space-y-6" data-testid="mock-report">
      <ReportRefresher grading={report.grading} />
      {/* Just finished in this page (src/components/mock/mock-interview.tsx): the heading takes focus. */}
      <FocusOnArrival id="report-heading" />
      <section aria-labelledby="report-heading" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="report-heading" tabIndex={-1} className="text-lg font-semibold">Your report</h2>
        <p role="status" aria-live="polite" aria-atomic="true" data-testid="mock-overall">
          {overallLine(report)}
        </p>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="mock-timing">{timing}</p>
      </section>

      <section aria-labelledby="scores-heading" className="space-y-3">
        <h2 id="scores-heading" className="text-lg font-semibold">Question by question</h2>
        <ol className="space-y-3" data-testid="mock-rows">
          {report.rows.map((row, i) => (
            <li key={row.questionId} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="mock-row">
              <p className="font-medium">
                {i + 1}. {plainTitle(row.prompt, 140)}
              </p>
              <p className="text-sm" data-testid="mock-row-score">
                {row.state === 'graded' ? `${row.passed ? 'Passed' : 'Not yet'}: ${row.score} out of 100` : STATE_LABEL[row.state]}
                {row.state === 'not-graded' || row.state === 'not-answered' ? ' (scores 0)' : ''}
              </p>
              {row.note ? <p className="text-sm text-slate-700 dark:text-slate-300">{row.note}</p> : null}
              {row.keptAnswer !== null ? (
                <details className="text-sm">
                  <summary className="cursor-pointer">Your answer, as you sent it</summary>
                  <pre className="mt-1 whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950" data-testid="mock-kept-answer">{row.keptAnswer}</pre>
                </details>
              ) : null}
              {row.missed.length > 0 ? (
                <p className="text-sm text-slate-700 dark:text-slate-300">Missed: {namesLine(row.missed)}</p>
              ) : null}
              {row.partial.length > 0 ? (
                <p className="text-sm text-slate-700 dark:text-slate-300">Partly covered: {namesLine(row.partial)}</p>
              ) : null}
              <p className="mt-1 flex flex-wrap gap-4 text-sm">
                {row.attemptId ? <Link href={`/attempts/${row.attemptId}`} className="underline">Open this answer and its feedback</Link> : null}
                {row.state !== 'withdrawn' ? <Link href={`/questions/${row.slug}`} className="underline">Practise this question</Link> : null}
              </p>
            </li>
          ))}
        </ol>
      </section>

      {!report.grading ? (
        <section aria-labelledby="review-heading" className="space-y-3">
          <h2 id="review-heading" className="text-lg font-semibold">What to review</h2>
          {report.conceptsMissed.length > 0 ? (
            <div>
              <h3 className="font-medium">Concepts and scenarios you missed</h3>
              <ul className="list-disc pl-5 text-sm" data-testid="mock-concepts-missed">
                {report.conceptsMissed.map((c) => (
                  <li key={c.concept}>{c.concept}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {report.conceptsPartial.length > 0 ? (
            <div>
              <h3 className="font-medium">Concepts you partly covered</h3>
              <ul className="list-disc pl-5 text-sm" data-testid="mock-concepts-partial">
                {report.conceptsPartial.map((c) => (
                  <li key={c.concept}>{c.concept}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {report.review.length > 0 ? (
            <div>
              <h3 className="font-medium" id="mock-review-heading">Questions to practise again</h3>
              <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="mock-review" aria-labelledby="mock-review-heading">
                {report.review.map((r) => (
                  <li key={r.slug}>
                    <Link href={`/questions/${r.slug}`} className="underline">{plainTitle(r.prompt, 100)}</Link> — {r.why}
                  </li>
                ))}
              </ol>
            </div>
          ) : (
            <p>
              {report.overall === null
                ? 'No answer was left to score.'
                : report.rows.some((r) => r.state === 'withdrawn')
                  ? 'Every question still in the bank passed.'
                  : 'Every question passed.'}{' '}
              Try a longer mock interview, or another topic.
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}

// A row names what its answer missed; code that passed none of 21 tests listed all 21 in one
// paragraph. Past a handful, the first few and how many more (its feedback page lists them all).
const NAMES_SHOWN = 5;
function namesLine(names: string[]): string {
  if (names.length <= NAMES_SHOWN) return names.join('; ');
  return `${names.slice(0, 3).join('; ')} and ${names.length - 3} more`;
}

// Still grading, scored, or nothing to score: every question withdrawn meanwhile, or none that
// could be graded (which would otherwise read "being graded" for ever).
function overallLine(report: Report): string {
  if (report.grading) return 'Your answers are being graded; the report fills in as they finish.';
  if (report.overall !== null) return `Overall score: ${report.overall} out of 100.`;
  return report.rows.some((r) => r.state === 'withdrawn')
    ? 'No overall score: the questions you answered were withdrawn from the bank while you answered (your answers are shown below).'
    : 'No overall score: none of your answers could be graded; they are saved.';
}
