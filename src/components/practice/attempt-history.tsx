import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { STATUS_LABEL, type AttemptStatus } from '@/lib/attempt-view';
import { RegradeNote, type RegradeNoteItem } from './regrade-note';
import { formatUtcTime } from '@/lib/format-utc-time';

export type AttemptHistoryItem = {
  id: string;
  // Its ordinal among all the candidate's attempts on the question (the list may show only the latest).
  number: number;
  status: AttemptStatus;
  score: number | null;
  createdAt: Date | string;
  recall: string | null;
  gradedVersion: string | null;
  regrades?: RegradeNoteItem[];
};

const TONE: Record<AttemptStatus, BadgeTone> = {
  QUEUED: 'slate',
  RUNNING: 'slate',
  PASSED: 'green',
  FAILED: 'amber',
  ERROR: 'red',
  INFRA_ERROR: 'slate',
};

const RECALL_LABEL: Record<string, string> = { AGAIN: 'Again', HARD: 'Hard', GOOD: 'Good', EASY: 'Easy' };

// Every past attempt (the latest ones, when there are many), each opening to its answer and full
// feedback at /attempts/<id>.
export function AttemptHistory({ attempts, currentId }: { attempts: AttemptHistoryItem[]; currentId?: string }) {
  // Newest first, so the first one's number is how many there are in all.
  const total = attempts[0]?.number ?? 0;
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-lg font-semibold">Your attempts</h2>
      {total > attempts.length ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="attempt-history-partial">
          Showing the latest {attempts.length} of {total} attempts.
        </p>
      ) : null}
      {attempts.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">No attempts yet. Your answers and their grades will appear here.</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" data-testid="attempt-history">
          {attempts.map((a) => {
            const when = formatUtcTime(a.createdAt);
            return (
              <li key={a.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
                <Link
                  href={`/attempts/${a.id}`}
                  className="font-medium text-indigo-700 underline hover:no-underline dark:text-indigo-300"
                  aria-label={`Attempt ${a.number}, ${when} UTC: open answer and feedback`}
                >
                  Attempt {a.number}
                </Link>
                <time dateTime={new Date(a.createdAt).toISOString()} className="text-slate-700 dark:text-slate-300">
                  {when} UTC
                </time>
                <Badge tone={TONE[a.status]}>{STATUS_LABEL[a.status]}</Badge>
                {a.score !== null ? <span className="font-medium">{a.score} / 100</span> : null}
                {a.regrades ? <RegradeNote regrades={a.regrades} compact /> : null}
                {a.recall ? <span className="text-slate-700 dark:text-slate-300">Recall: {RECALL_LABEL[a.recall]}</span> : null}
                {a.id === currentId ? <span className="ml-auto text-xs text-slate-700 dark:text-slate-300">shown above</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
