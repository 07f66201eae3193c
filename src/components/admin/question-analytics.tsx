import { plural } from '@/lib/plural';
import type { QuestionAnalytics as Analytics } from '@/server/analytics/get-question-analytics';

const BUCKETS = ['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100'];

// "missed in 1 and partly covered in 2 of 4 attempts": a concept an answer covered in part is not
// reported as missed.
function describeMissed({ missed, partly }: Analytics['mostMissed'][number], attempts: number): string {
  if (attempts === 1) return `${partly ? 'partly covered' : 'missed'} in the only attempt`;
  const how = partly === 0 ? `missed in ${missed}` : partly === missed ? `partly covered in ${partly}` : `missed in ${missed - partly} and partly covered in ${partly}`;
  return `${how} of ${plural(attempts, 'attempt')}`;
}

// How a question performs: headline numbers, a score histogram (a plain table with bars, readable
// by screen readers), the concepts or tests missed most, and the same per version.
export function QuestionAnalytics({ analytics }: { analytics: Analytics }) {
  const { attempts, users, passRate, distribution, mostMissed, byVersion } = analytics;
  if (attempts === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No graded attempts yet.</p>;
  const peak = Math.max(1, ...distribution);
  return (
    <div className="space-y-4 text-sm" data-testid="question-analytics">
      <dl className="grid grid-cols-3 gap-3">
        <div><dt className="text-xs text-slate-600 dark:text-slate-400">Graded attempts</dt><dd className="text-xl font-semibold">{attempts}</dd></div>
        <div><dt className="text-xs text-slate-600 dark:text-slate-400">Candidates</dt><dd className="text-xl font-semibold">{users}</dd></div>
        <div><dt className="text-xs text-slate-600 dark:text-slate-400">Pass rate</dt><dd className="text-xl font-semibold">{passRate}%</dd></div>
      </dl>
      <table className="w-full text-xs" aria-label="Score distribution">
        <tbody>
          {distribution.map((count, i) => (
            <tr key={BUCKETS[i]}>
              <th scope="row" className="w-16 pr-2 text-left font-normal whitespace-nowrap">{BUCKETS[i]}</th>
              <td><span className="inline-block h-3 rounded bg-indigo-500 align-middle" style={{ width: `${(count / peak) * 100}%`, minWidth: count ? 4 : 0 }} /></td>
              <td className="w-10 pl-2 text-right">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mostMissed.length > 0 ? (
        <div>
          <h3 className="font-medium">Missed most</h3>
          <ol className="list-inside list-decimal" aria-label="Missed most">
            {mostMissed.map((m) => <li key={m.name}>{m.name}: {describeMissed(m, attempts)} ({m.share}%)</li>)}
          </ol>
        </div>
      ) : null}
      {byVersion.length > 1 ? (
        <table className="w-full text-left text-xs" aria-label="By version">
          <thead><tr><th scope="col">Version</th><th scope="col">Attempts</th><th scope="col">Passed</th><th scope="col">Average score</th></tr></thead>
          <tbody>
            {byVersion.map((v) => (
              <tr key={v.version ?? 'none'}><td>{v.version ?? '—'}</td><td>{v.attempts}</td><td>{v.passed}</td><td>{v.averageScore ?? '—'}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
