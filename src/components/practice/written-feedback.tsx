// The feedback on a written answer (rubric format 2, docs/decisions/006): "n of m concepts
// covered", then each concept as covered (with the sentence that earned it), partly covered
// (what was said and what was not yet said), contradicted (the wrong statement quoted with its
// correction) or missing (the interviewer's follow-up). Which grader produced it is said once,
// with the checklist's version, under the whole result (describeGrading).
import { coverageOf, type Coverage, type GradeResult, type TestResult } from '@/grading/contract';

const SECTIONS: { coverage: Coverage; title: string; testId: string; mark: string; tone: string }[] = [
  { coverage: 'covered', title: 'Covered', testId: 'covered-concepts', mark: '✓', tone: 'text-emerald-700 dark:text-emerald-400' },
  { coverage: 'partial', title: 'Partly covered', testId: 'partial-concepts', mark: '◐', tone: 'text-amber-700 dark:text-amber-300' },
  { coverage: 'contradicted', title: 'Contradicted', testId: 'contradicted-concepts', mark: '!', tone: 'text-rose-700 dark:text-rose-400' },
  { coverage: 'missing', title: 'Missed', testId: 'missed-concepts', mark: '✗', tone: 'text-rose-700 dark:text-rose-400' },
];

function Quote({ text, tone }: { text: string; tone: string }) {
  return <blockquote className={`mt-1 border-l-2 pl-2 text-sm text-slate-600 italic dark:text-slate-400 ${tone}`}>“{text}”</blockquote>;
}

function ConceptItem({ test, coverage, mark, tone }: { test: TestResult; coverage: Coverage; mark: string; tone: string }) {
  const said = test.claims?.filter((c) => c.status === 'met' || c.status === 'partial') ?? [];
  // One sentence often states two claims of a concept: its quote is shown once.
  const saidQuotes = [...new Set(said.flatMap((c) => (c.evidence ? [c.evidence] : [])))];
  const notYet = test.claims?.filter((c) => c.status === 'missing') ?? [];
  return (
    <li className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="check">
      <div className="flex items-start gap-2">
        <span aria-hidden className={tone}>{mark}</span>
        <div className="min-w-0 flex-1">
          <p className="font-medium">
            {test.name}
            <span className="sr-only"> ({coverage === 'partial' ? 'partly covered' : coverage})</span>
          </p>
          {test.message ? <p className="text-sm text-slate-700 dark:text-slate-300">{test.message}</p> : null}
          {coverage === 'covered' && test.evidence ? <Quote text={test.evidence} tone="border-emerald-400" /> : null}
          {coverage === 'partial' ? (
            <>
              {saidQuotes.map((quote) => (
                <Quote key={quote} text={quote} tone="border-amber-400" />
              ))}
              {notYet.length > 0 ? (
                <p className="mt-1 text-sm">
                  <span className="font-medium">Not yet said:</span> {notYet.map((c) => c.text).join(' ')}
                </p>
              ) : null}
            </>
          ) : null}
          {test.misconceptions?.map((m) => (
            <div key={m.id} className="mt-1 text-sm" data-testid="misconception">
              <Quote text={m.quote} tone="border-rose-400" />
              <p>
                <span className="font-medium">Correction:</span> {m.correction}
              </p>
            </div>
          ))}
          {coverage === 'missing' && test.followUp ? (
            <p className="mt-1 text-sm">
              <span className="font-medium">An interviewer would ask:</span> {test.followUp}
            </p>
          ) : null}
        </div>
      </div>
    </li>
  );
}

export function WrittenFeedback({ result }: { result: GradeResult }) {
  const total = result.conceptsTotal ?? result.tests.length;
  const covered = result.conceptsCovered ?? result.tests.filter((t) => coverageOf(t) === 'covered').length;
  return (
    <>
      <p className="font-medium" data-testid="concepts-covered">
        {covered} of {total} concepts covered
      </p>
      {SECTIONS.map(({ coverage, title, testId, mark, tone }) => {
        const tests = result.tests.filter((t) => coverageOf(t) === coverage);
        // The headline above already says "0 of n covered": an empty group is not shown.
        if (tests.length === 0) return null;
        return (
          <div key={coverage}>
            <h3 className="mb-2 font-semibold">
              {title} ({tests.length})
            </h3>
            <ul className="space-y-2" data-testid={testId}>
              {tests.map((t) => (
                <ConceptItem key={t.name} test={t} coverage={coverage} mark={mark} tone={tone} />
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
