import { Badge } from '@/components/ui/badge';
import type { AdminVersion } from '@/server/curation/get-admin-question';
import { versionState, type QuestionStatus } from './question-status';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '—');

// Every version of a question, newest first, with how many attempts are graded under each now (a
// re-grade moves an attempt to its version, docs/decisions/016).
// The page's "Versions" section is the landmark; the scroll box only takes focus (so a keyboard can
// scroll it on a narrow screen) as a named group, not a second "Versions" region.
export function VersionsTable({ versions, status }: { versions: AdminVersion[]; status: QuestionStatus }) {
  return (
    <div tabIndex={0} role="group" aria-label="Versions table, scroll area" className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm" data-testid="versions-table">
        <caption className="sr-only">Versions of this question</caption>
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2">Version</th>
            <th scope="col" className="px-4 py-2">State</th>
            <th scope="col" className="px-4 py-2">Validation</th>
            <th scope="col" className="px-4 py-2">Attempts</th>
            <th scope="col" className="px-4 py-2">Created (UTC)</th>
            <th scope="col" className="px-4 py-2">Published (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const state = versionState(status, v);
            return (
              <tr key={v.id} className="border-t border-slate-200 dark:border-slate-800">
                <td className="px-4 py-2 font-medium">v{v.version}</td>
                <td className="px-4 py-2"><Badge tone={state.tone}>{state.text}</Badge></td>
                <td className="px-4 py-2">{v.validation === 'passed' ? 'Passed' : v.validation === 'failed' ? 'Failed' : '—'}</td>
                <td className="px-4 py-2">{v.attempts}</td>
                <td className="px-4 py-2">{day(v.createdAt)}</td>
                <td className="px-4 py-2">{day(v.publishedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
