'use client';

// The result while the answer waits for a grader or is being graded. Most gradings take well under
// a second; when many candidates submit at once (or code runs until its time limit) one can take
// several seconds, and a spinner alone then reads as a page that hung. After a while it says why
// and that nothing is lost. Keyed by attempt and status by its caller, so each wait starts afresh;
// a page opened (or reloaded) mid-wait counts the time already waited, as the server measured it.
import { useEffect, useState } from 'react';

// Past these, a wait is longer than usual (decision 004: a busy grading host queues answers for
// seconds; a Bash grading on a quiet one takes a tenth of a second).
export const SLOW_QUEUE_MS = 6_000;
export const SLOW_GRADING_MS = 10_000;

const SAVED = 'Your answer is saved: the result appears here when it is ready, and in your history if you leave this page.';

// How long until the line shows, given how long the attempt has already waited in this status.
export function slowLineDelayMs(status: 'QUEUED' | 'RUNNING', waitedMs = 0): number {
  return Math.max(0, (status === 'QUEUED' ? SLOW_QUEUE_MS : SLOW_GRADING_MS) - waitedMs);
}

export function PendingResult({ status, waitedMs }: { status: 'QUEUED' | 'RUNNING'; waitedMs?: number | null }) {
  // The wait as first read: later reads of the same wait (each long-poll's answer) do not restart it.
  const [delayMs] = useState(() => slowLineDelayMs(status, waitedMs ?? 0));
  const [slow, setSlow] = useState(delayMs === 0);
  useEffect(() => {
    if (delayMs === 0) return;
    const timer = setTimeout(() => setSlow(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="attempt-pending">
      <div className="flex items-center gap-3">
        <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" />
        {status === 'QUEUED' ? 'Your answer is saved and queued for grading…' : 'Grading your answer…'}
      </div>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300" data-testid="attempt-pending-slow">
        {slow
          ? status === 'QUEUED'
            ? `Your answer is waiting for a free grader, which takes longer when many answers arrive at once. ${SAVED}`
            : `This grading is taking longer than usual (code that waits or loops runs until its time limit). ${SAVED}`
          : null}
      </p>
    </div>
  );
}
