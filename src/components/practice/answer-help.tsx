'use client';

// After a graded attempt: hints first (the follow-up questions of what was missed, one at a
// time), and the model answer only when the candidate asks for it. The reveal is recorded.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';
import type { GradeResult } from '@/grading/contract';

// What to think about next, from the latest graded result: a rubric's follow-up questions for
// missed concepts, a nudge for partly covered or contradicted ones, or the failed visible
// scenarios' messages for code. A concept's message is its description, the answer itself: never a hint.
export function hintsFrom(result: GradeResult | null): string[] {
  if (!result) return [];
  return result.tests
    .filter((t) => t.status !== 'pass' && !t.hidden)
    .map((t) => {
      if (t.followUp) return t.followUp;
      if (t.coverage === 'contradicted') return `Something your answer says about “${t.name}” is wrong: read the correction above. How would you put it right?`;
      if (t.concept) return `You said part of “${t.name}”. What is still missing from it?`;
      return t.message ? `${t.name}: ${t.message}` : '';
    })
    .filter((hint) => hint.length > 0);
}

export function AnswerHelp({
  questionId,
  hints,
  canReveal,
  initialModelAnswer,
}: {
  questionId: string;
  hints: string[];
  canReveal: boolean;
  initialModelAnswer: string | null;
}) {
  const [shown, setShown] = useState(0);
  const [modelAnswer, setModelAnswer] = useState(initialModelAnswer);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusAfterRender = useFocusAfterRender();

  // Each new hint is announced (the list is a live region); the last one also takes focus, since
  // the button that asked for it goes away.
  function showHint() {
    const next = shown + 1;
    setShown(next);
    if (next === hints.length) focusAfterRender(`hint-${next}`);
  }

  async function reveal() {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/questions/${questionId}/model-answer`, { method: 'POST' }).catch(() => null);
    setBusy(false);
    const body = await response?.json().catch(() => ({}));
    if (!response?.ok) {
      setError(body?.error ?? 'Could not load the model answer. Please try again.');
      focusAfterRender('model-answer-error');
      return;
    }
    setModelAnswer(body.modelAnswer);
    focusAfterRender('model-answer-heading');
  }

  if (!canReveal && !modelAnswer && hints.length === 0) return null;
  return (
    <div className="space-y-4">
      {/* Hints already opened stay beside the model answer; unopened ones are moot once it is shown. */}
      {hints.length > 0 && (!modelAnswer || shown > 0) ? (
        <section aria-labelledby="hints-heading" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="hints-heading" className="text-lg font-semibold">Hints</h2>
          {shown === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">Stuck? A hint asks the question an interviewer would ask next about what your answer missed.</p>
          ) : (
            <ol className="list-decimal space-y-1 pl-5" data-testid="hints" aria-live="polite">
              {hints.slice(0, shown).map((hint, i) => (
                <li key={i} id={`hint-${i + 1}`} tabIndex={-1}>
                  {hint}
                </li>
              ))}
            </ol>
          )}
          {shown < hints.length && !modelAnswer ? (
            <Button type="button" variant="secondary" onClick={showHint}>
              {shown === 0 ? 'Show a hint' : `Show another hint (${hints.length - shown} left)`}
            </Button>
          ) : null}
        </section>
      ) : null}
      {modelAnswer ? (
        <section aria-labelledby="model-answer-heading" className="space-y-2 rounded-xl border border-emerald-200 bg-emerald-50/50 p-5 dark:border-emerald-500/30 dark:bg-emerald-500/5">
          <h2 id="model-answer-heading" tabIndex={-1} className="text-lg font-semibold">Model answer</h2>
          <div data-testid="model-answer">
            <Markdown>{modelAnswer}</Markdown>
          </div>
        </section>
      ) : canReveal ? (
        <div className="space-y-2">
          <Button type="button" variant="secondary" onClick={reveal} disabled={busy}>
            {busy ? 'Loading…' : 'Show the model answer'}
          </Button>
          {/* Only when there are hints to try: after a full score there are none. */}
          {hints.length > shown ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">Try the hints first: once you have seen the answer, recalling it is easier than producing it.</p>
          ) : null}
          {error ? (
            <p role="alert" id="model-answer-error" tabIndex={-1} className="text-sm text-rose-700 dark:text-rose-300">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
