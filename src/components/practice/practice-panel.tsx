'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';
import { type AttemptView, type RecallRating } from '@/lib/attempt-view';
import { describeTooShortAnswer } from '@/lib/practice-rule';
import { describeOversizeAnswer } from '@/server/attempts/schemas';
import { AnswerHelp, hintsFrom } from './answer-help';
import { AnswerSize } from './answer-size';
import { AttemptAnnouncer } from './attempt-announcer';
import { AttemptResult } from './attempt-result';
import { CodeEditor } from './code-editor';
import { KeyboardHint } from './keyboard-hint';
import { RecallButtons } from './recall-buttons';
import { ResetToStarter } from './reset-to-starter';
import { RunResults } from './run-results';
import { SessionEnded } from './session-ended';
import { useAnswerDraft } from './use-answer-draft';
import { useFollowedAttempt } from './use-followed-attempt';
import { useSubmitShortcut } from './use-submit-shortcut';
import { useVisibleRun } from './use-visible-run';
import { WrittenAnswerEditor } from './written-answer-editor';
import { type AnswerKindCode, CODE_ANSWER_NOUN, CODE_EDITOR_LANGUAGE } from '@/lib/labels';

type Props = {
  questionId: string;
  // The signed-in account's id: unsent drafts are kept per account (use-answer-draft.ts).
  draftOwner: string;
  answerKind: AnswerKindCode;
  starterCode: string | null;
  // The candidate's latest attempt on this question (with its answer), restored on arrival.
  latestAttempt: AttemptView | null;
  hasModelAnswer: boolean;
  canRevealModelAnswer: boolean;
  // Only when the candidate already asked for it.
  modelAnswer: string | null;
  onRated?: (attemptId: string, rating: RecallRating) => void;
};

const GRADED = ['PASSED', 'FAILED', 'ERROR'];

export function PracticePanel({ questionId, draftOwner, answerKind, starterCode, latestAttempt, hasModelAnswer, canRevealModelAnswer, modelAnswer, onRated }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const isCode = answerKind !== 'WRITTEN';
  const baseline = latestAttempt?.answer ?? (isCode ? (starterCode ?? '') : '');
  const { answer, setAnswer, replaceAnswer, markSubmitted, restoredAt, kept } = useAnswerDraft(draftOwner, questionId, baseline);
  // What an ended session leaves of the unsent answer: in this browser's storage, or (storage full
  // or turned off) only in this page, which signing in again leaves.
  const notKept = 'this browser cannot keep it (its storage is full or turned off): copy it somewhere before you leave this page.';
  // Refresh the server-rendered history, practice count and progress once graded.
  const onSettled = useCallback(() => router.refresh(), [router]);
  const { attempt, grading, abandoned, signedOut: signedOutWhileGrading, error: followError, settledHere, follow } = useFollowedAttempt(latestAttempt, onSettled);
  const [error, setError] = useState<string | null>(null);
  // The submit met an ended session (401): the answer was not sent, and the draft is kept.
  const [signedOut, setSignedOut] = useState(false);
  // The shown error is about the answer itself (empty, too short, refused as invalid): the answer
  // box is marked invalid and described by it while it shows.
  const [answerRefused, setAnswerRefused] = useState(false);
  const clearError = () => {
    setError(null);
    setAnswerRefused(false);
    setSignedOut(false);
  };
  const refuseAnswer = (message: string) => {
    setError(message);
    setAnswerRefused(true);
  };
  const [submitting, setSubmitting] = useState(false);
  const focusAfterRender = useFocusAfterRender();
  const visibleRun = useVisibleRun(questionId);
  const runResultShown = visibleRun.result !== null;

  // A finished run takes focus, like a result; its heading says how it went.
  useEffect(() => {
    if (runResultShown) document.getElementById('run-heading')?.focus();
  }, [runResultShown, visibleRun.result]);

  function onRun() {
    clearError();
    if (!answer.trim()) {
      refuseAnswer('Write some code before running it.');
      return;
    }
    // As for a submit: refused in words about its size, not sent to be refused as a request body.
    const oversize = describeOversizeAnswer(answerKind, answer);
    if (oversize) {
      refuseAnswer(oversize);
      focusAfterRender('submit-error');
      return;
    }
    void visibleRun.run(answer);
  }

  // A result that arrived while the candidate waited gets focus (and so scrolls into view on
  // small screens); the live region has already announced it.
  useEffect(() => {
    if (!settledHere) return;
    const heading = document.getElementById('result-heading');
    heading?.focus();
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [settledHere]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting || grading) return;
    clearError();
    if (!answer.trim()) {
      refuseAnswer('Write an answer before submitting.');
      return;
    }
    // Said here, as the server would say it: a pasted answer far over the limit would otherwise be
    // refused for the size of the request body, in words about bytes and bodies.
    const refusal = describeOversizeAnswer(answerKind, answer) ?? describeTooShortAnswer(answerKind, answer);
    if (refusal) {
      refuseAnswer(refusal);
      return;
    }
    setSubmitting(true);
    const response = await fetch('/api/attempts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ questionId, answer }),
    }).catch(() => null);
    // Still "Submitting…" while the answer's id is read: the button must not come back before the
    // attempt is followed, or a second press would send the answer twice.
    const body = await response?.json().catch(() => ({}));
    setSubmitting(false);
    if (!response?.ok) {
      const message = typeof body?.error === 'string' ? body.error : 'Could not submit your answer. Please try again.';
      // 400/413/422: the answer was refused (too long, …); anything else is not the candidate's doing.
      if (response?.status === 401) setSignedOut(true);
      else if (response?.status === 400 || response?.status === 413 || response?.status === 422) refuseAnswer(message);
      else setError(message);
      // The submit button was disabled while sending, so focus fell to <body>: the refusal takes it.
      focusAfterRender('submit-error');
      return;
    }
    markSubmitted(answer);
    // The graded result lists every test, the visible ones included: the run's list would repeat it.
    visibleRun.clear();
    follow({ id: body.id, status: body.status ?? 'QUEUED', score: null, result: null, recall: null, gradedVersion: null, createdAt: new Date().toISOString(), gradedAt: null, answer });
    // The new attempt gets its own address, so back/forward and reload come back to it. `null` as
    // the state lets Next.js's router adopt the address; with its own state object passed back it
    // kept the old one and the refresh after grading put that back.
    window.history.replaceState(null, '', `?attempt=${body.id}`);
  }

  // The editor remounts with the starter code; the candidate carries on typing in it.
  function resetToStarter(starter: string) {
    replaceAnswer(starter);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="code-editor"] .cm-content')?.focus());
  }

  const submitShortcut = useCallback(() => formRef.current?.requestSubmit(), []);
  const shortcut = useSubmitShortcut();
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // The code editor handles its own Mod-Enter (and marks the event handled); Ctrl and Cmd both
    // submit on every system (src/lib/submit-shortcut.ts names the one the hint shows).
    if (event.defaultPrevented) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submitShortcut();
    }
  }

  const isGraded = attempt !== null && GRADED.includes(attempt.status);
  const shownError = error ?? followError;
  const answerInvalid = answerRefused && error !== null;
  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={onSubmit} onKeyDown={onKeyDown} className="space-y-3" aria-label="Practice">
        {isCode ? (
          <div className="space-y-1">
            <p className="text-sm font-medium" id="code-label">
              Your {CODE_ANSWER_NOUN[answerKind]}
            </p>
            <KeyboardHint id="code-editor-help" className="text-sm text-slate-700 dark:text-slate-300">
              Tab indents inside the editor. To leave it, press Escape, then Tab. {shortcut} submits.
            </KeyboardHint>
            <CodeEditor
              key={restoredAt}
              language={CODE_EDITOR_LANGUAGE[answerKind]}
              initialValue={answer}
              onChange={setAnswer}
              onSubmitShortcut={submitShortcut}
              label={`${CODE_ANSWER_NOUN[answerKind]} editor`}
              describedBy={answerInvalid ? 'code-editor-help submit-error' : 'code-editor-help'}
              invalid={answerInvalid}
            />
            <div className="flex flex-wrap items-start justify-between gap-3">
              {starterCode !== null ? <ResetToStarter isStarter={answer === starterCode} onReset={() => resetToStarter(starterCode)} /> : null}
              <AnswerSize answerKind={answerKind} answer={answer} className="ml-auto" />
            </div>
          </div>
        ) : (
          <WrittenAnswerEditor value={answer} onChange={setAnswer} disabled={grading} errorId={answerInvalid ? 'submit-error' : undefined} />
        )}
        {signedOut ? (
          <SessionEnded id="submit-error" situation={kept ? 'Your answer was not sent; it is kept in this browser.' : `Your answer was not sent, and ${notKept}`} then="and submit it." />
        ) : signedOutWhileGrading ? (
          <SessionEnded situation="Your answer is saved and is being graded." then="to see the result." />
        ) : null}
        {shownError && !signedOut ? (
          <p role="alert" id="submit-error" tabIndex={-1} className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-200">
            {shownError}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={submitting || grading}>
            {submitting ? 'Submitting…' : grading ? 'Grading…' : 'Submit answer'}
          </Button>
          {isCode ? (
            <Button type="button" variant="secondary" onClick={onRun} disabled={visibleRun.running || submitting}>
              {visibleRun.running ? 'Running visible tests…' : 'Run visible tests'}
            </Button>
          ) : null}
          <KeyboardHint className="text-xs text-slate-600 dark:text-slate-400">or press {shortcut} to submit</KeyboardHint>
        </div>
        {isCode && visibleRun.signedOut && !signedOut && !signedOutWhileGrading ? (
          <SessionEnded situation={kept ? `Your ${CODE_ANSWER_NOUN[answerKind]} was not run; it is kept in this browser.` : `Your ${CODE_ANSWER_NOUN[answerKind]} was not run, and ${notKept}`} then="and run it." />
        ) : null}
        {visibleRun.error ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-200" data-testid="run-error">
            {visibleRun.error}
          </p>
        ) : null}
      </form>
      {isCode ? (
        <p role="status" aria-live="polite" className="sr-only">
          {visibleRun.running ? 'Running the visible tests…' : visibleRun.result ? `Test run finished: ${visibleRun.result.tests.filter((t) => t.status === 'pass').length} of ${visibleRun.result.tests.length} visible tests passed.` : ''}
        </p>
      ) : null}
      {visibleRun.result ? <RunResults result={visibleRun.result} stale={visibleRun.ranAnswer !== answer} /> : null}

      <AttemptAnnouncer attempt={attempt} />
      {attempt && !abandoned ? <AttemptResult attempt={attempt} answerKind={answerKind} /> : null}
      {attempt && isGraded ? <RecallButtons key={`recall:${attempt.id}`} attemptId={attempt.id} initial={attempt.recall} onRated={onRated} /> : null}

      <AnswerHelp
        key={`help:${attempt?.id ?? 'none'}`}
        questionId={questionId}
        hints={isGraded ? hintsFrom(attempt.result) : []}
        canReveal={hasModelAnswer && (canRevealModelAnswer || isGraded)}
        initialModelAnswer={modelAnswer}
      />
    </div>
  );
}
