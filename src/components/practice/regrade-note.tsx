// Says openly that an attempt was re-graded (docs/decisions/016): under which version, with the
// new grade and the one it replaced, so nothing changes silently. `compact` is the history line.
import { STATUS_LABEL, type AttemptStatus } from '@/lib/attempt-view';

export type RegradeNoteItem = {
  version: number;
  status: AttemptStatus;
  score: number | null;
  previousVersion: number | null;
  previousStatus: AttemptStatus;
  previousScore: number | null;
  regradedAt: Date | string;
};

const grade = (status: AttemptStatus, score: number | null) => `${score ?? '—'} / 100, ${STATUS_LABEL[status].toLowerCase()}`;
const under = (version: number | null) => (version === null ? '' : ` under version ${version}`);

export function RegradeNote({ regrades, compact = false }: { regrades: RegradeNoteItem[]; compact?: boolean }) {
  const latest = regrades.at(-1);
  const original = regrades[0];
  if (!latest || !original) return null;
  if (compact) {
    return (
      <span className="text-slate-700 dark:text-slate-300" data-testid="regrade-note">
        Re-graded under version {latest.version} (was {original.previousScore ?? '—'} / 100)
      </span>
    );
  }
  return (
    <section aria-labelledby="regrade-heading" className="space-y-2 rounded-xl border border-indigo-200 bg-indigo-50 p-4 text-sm dark:border-indigo-900 dark:bg-indigo-950" data-testid="regrade-note">
      <h2 id="regrade-heading" className="font-semibold">Re-graded under version {latest.version}</h2>
      <p>
        We improved how this question is graded and graded your answer again. Your grade now: <strong>{grade(latest.status, latest.score)}</strong>.
        Originally: <strong>{grade(original.previousStatus, original.previousScore)}</strong>{under(original.previousVersion)}.
      </p>
      {regrades.length > 1 ? (
        <ul className="list-disc pl-5">
          {regrades.map((r, i) => (
            <li key={`${r.version}-${i}`}>
              Version {r.version}: {grade(r.status, r.score)} (was {grade(r.previousStatus, r.previousScore)}{under(r.previousVersion)})
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-slate-700 dark:text-slate-300">Re-grading never changes your practice count; the feedback below is from the new grade.</p>
    </section>
  );
}
