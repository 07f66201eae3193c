'use client';
// Re-grade past attempts under the live version (docs/decisions/016): how many are graded under an
// older one or by an earlier grader revision (023), a button that queues them as a background job,
// and the run's progress, polled until it finishes (then the page's analytics refresh).
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { startRegradeAction } from '@/app/admin/actions/regrades';
import { Button } from '@/components/ui/button';
import type { RegradeProgress } from '@/server/regrading/schemas';
import { FormAlert } from '@/components/ui/form-alert';
import { callAction, NO_ANSWER } from './call-action';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';

const POLL_MS = 1_000;
const MESSAGE_ID = 'regrade-message';

type Props = { questionId: string; liveVersion: number | null; olderVersion: number; earlierGrader: number; runs: RegradeProgress[] };

const attempts = (n: number) => `${n} graded attempt${n === 1 ? ' is' : 's are'}`;

// An earlier grader revision: the grader's code changed since (a corrected check, or any other
// change to it), so the grade may or may not differ; re-grading says which.
function describeEligible(liveVersion: number, olderVersion: number, earlierGrader: number): string {
  if (olderVersion + earlierGrader === 0) return `Every graded attempt is graded under version ${liveVersion} by the current grader.`;
  const parts = [
    olderVersion > 0 ? `${attempts(olderVersion)} graded under an older version than the live version ${liveVersion}` : null,
    earlierGrader > 0 ? `${attempts(earlierGrader)} graded under version ${liveVersion} by an earlier revision of the grader (its checks may have been corrected since; most such grades come out the same)` : null,
  ];
  return `${parts.filter(Boolean).join('; ')}.`;
}

export function RegradePanel({ questionId, liveVersion, olderVersion, earlierGrader, runs }: Props) {
  const eligible = olderVersion + earlierGrader;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [active, setActive] = useState<RegradeProgress | null>(runs.find((r) => !r.isFinished) ?? null);
  const activeId = active && !active.isFinished ? active.id : null;
  // The button stays disabled while the run goes on: focus moves to the message that says what
  // happened, not to <body>.
  const focusBack = useFocusAfterRender({ onlyIfLost: true });

  useEffect(() => {
    if (!activeId) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/admin/regrades/${activeId}`).catch(() => null);
      if (stopped || !response?.ok) return;
      const progress = (await response.json()) as RegradeProgress;
      setActive(progress);
      if (progress.isFinished) router.refresh();
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [activeId, router]);

  async function start() {
    setBusy(true);
    setMessage(null);
    const result = await callAction(() => startRegradeAction(questionId), NO_ANSWER);
    setBusy(false);
    focusBack(MESSAGE_ID);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error });
      return;
    }
    const { runId, total, version, graderRevision, isNew } = result.value;
    setMessage({ tone: 'success', text: isNew ? `Queued ${total} attempt${total === 1 ? '' : 's'} for re-grading under version ${version}.` : 'A re-grade under this version is already under way.' });
    setActive({ id: runId, version, graderRevision, total, queued: total, running: 0, done: 0, skipped: 0, failed: 0, changed: 0, isFinished: false, createdAt: new Date().toISOString(), requestedBy: null });
  }

  if (liveVersion === null) return <p className="text-sm">Publish a version first: attempts are re-graded under the live version.</p>;
  const finished = active ? active.done + active.skipped + active.failed : 0;
  const percent = active && active.total > 0 ? Math.round((finished / active.total) * 100) : 0;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        {describeEligible(liveVersion, olderVersion, earlierGrader)}{' '}
        Re-grading runs in the background, only when no candidate is waiting; each attempt keeps its original grade, its candidate sees both, and
        practice counts do not change.
      </p>
      <Button type="button" onClick={start} disabled={busy || eligible === 0 || activeId !== null}>
        {busy ? 'Queuing…' : `Re-grade under version ${liveVersion}`}
      </Button>
      {message ? (
        <div id={MESSAGE_ID} tabIndex={-1}>
          <FormAlert tone={message.tone}>{message.text}</FormAlert>
        </div>
      ) : null}
      {active ? (
        <div className="space-y-2" data-testid="regrade-progress">
          <label className="block text-sm font-medium" htmlFor="regrade-progress-bar">
            {active.isFinished ? `Re-grade under version ${active.version} finished` : `Re-grading under version ${active.version}…`}
          </label>
          <progress id="regrade-progress-bar" className="w-full" max={active.total} value={finished} aria-valuetext={`${finished} of ${active.total} re-graded`} />
          <p className="text-sm" aria-live="polite">
            {finished} of {active.total} done ({percent}%): {active.changed} changed grade, {active.done - active.changed} unchanged
            {active.skipped > 0 ? `, ${active.skipped} skipped` : ''}
            {active.failed > 0 ? `, ${active.failed} failed on our side (they keep their grade)` : ''}.
          </p>
        </div>
      ) : null}
      {runs.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer">Earlier re-grades</summary>
          <ul className="mt-2 list-disc pl-5">
            {runs.map((r) => (
              <li key={r.id}>
                Version {r.version}{r.graderRevision ? ` (grader ${r.graderRevision})` : ''}, {new Date(r.createdAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC{r.requestedBy ? ` by ${r.requestedBy}` : ''}: {r.done + r.skipped + r.failed} of {r.total} done, {r.changed} changed
                {r.failed > 0 ? `, ${r.failed} failed` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
