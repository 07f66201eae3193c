import type { DescribedAuditEntry } from '@/server/audit/describe-audit-entry';

// One audit entry: the sentence, when, and what changed field by field. Stacks on small screens;
// long values wrap instead of making the row tall and wide.
export function AuditEntryItem({ at, action, described }: { at: Date; action: string; described: DescribedAuditEntry }) {
  return (
    <li className="space-y-2 px-3 py-3 text-sm sm:px-4" data-testid="audit-entry">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
        <p className="break-words">{described.sentence}</p>
        <p className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
          <time dateTime={at.toISOString()}>{at.toISOString().slice(0, 16).replace('T', ' ')} UTC</time> · <code>{action}</code>
        </p>
      </div>
      {described.diff.length > 0 ? (
        <table className="w-full table-fixed text-xs" aria-label="What changed">
          <thead className="sr-only sm:not-sr-only">
            <tr className="text-left text-slate-500 dark:text-slate-400">
              <th scope="col" className="w-1/5 pr-2 font-medium">Field</th>
              <th scope="col" className="pr-2 font-medium">Before</th>
              <th scope="col" className="font-medium">After</th>
            </tr>
          </thead>
          <tbody>
            {described.diff.map((row) => (
              <tr key={row.field} className="align-top">
                <th scope="row" className="pr-2 text-left font-normal break-words">{row.field}</th>
                <td className="pr-2 break-words text-rose-800 line-through decoration-rose-300 dark:text-rose-300">{row.from}</td>
                <td className="break-words text-emerald-800 dark:text-emerald-300">{row.to}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {described.notes.length > 0 ? (
        <ul className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
          {described.notes.map((note) => <li key={note} className="break-words">{note}</li>)}
        </ul>
      ) : null}
    </li>
  );
}
