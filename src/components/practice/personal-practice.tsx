'use client';

// The candidate's own part of a question page: the practice panel with their latest attempt, and
// their attempt history. A page rendered for them passes it in; the member copy of a cached page
// (docs/decisions/017) does not know them, so it is read here from
// GET /api/questions/<id>/practice once the page has arrived.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { RecallRating } from '@/lib/attempt-view';
import type { AnswerKindCode } from '@/lib/labels';
import { signInPath } from '@/lib/sign-in-path';
import type { PracticeState } from '@/server/questions/read-practice-state';
import { AttemptHistory } from './attempt-history';
import { PracticePanel } from './practice-panel';

type Props = {
  questionId: string;
  answerKind: AnswerKindCode;
  starterCode: string | null;
  hasModelAnswer: boolean;
  initial: PracticeState | null;
};

type Failure = 'signed-out' | 'gone' | 'unavailable';

export function PersonalPractice({ questionId, answerKind, starterCode, hasModelAnswer, initial }: Props) {
  const [loaded, setLoaded] = useState<PracticeState | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Ratings given on this page, shown in the history before the page is read again.
  const [rated, setRated] = useState<Record<string, RecallRating>>({});
  const onRated = useCallback((attemptId: string, rating: RecallRating) => setRated((r) => ({ ...r, [attemptId]: rating })), []);
  // By hand rather than with useOwnData (src/lib/use-own-data.ts): the address's ?attempt= is read
  // once per question, when the effect runs, not again when grading rewrites it.
  useEffect(() => {
    if (initial) return;
    const controller = new AbortController();
    const wanted = new URLSearchParams(window.location.search).get('attempt');
    const query = wanted ? `?attempt=${encodeURIComponent(wanted)}` : '';
    fetch(`/api/questions/${questionId}/practice${query}`, { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => {
        if (response.status === 401) return setFailure('signed-out');
        // Unpublished or deleted since this (cached) page was rendered.
        if (response.status === 404) return setFailure('gone');
        if (!response.ok) return setFailure('unavailable');
        setLoaded((await response.json()) as PracticeState);
      })
      .catch(() => {
        if (!controller.signal.aborted) setFailure('unavailable');
      });
    return () => controller.abort();
  }, [initial, questionId]);

  // A page rendered for the candidate (a refresh after grading) brings newer state than a fetch.
  const state = initial ?? loaded;
  if (!state) {
    if (failure === 'signed-out') {
      return (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950">
          Your session has ended.{' '}
          <Link className="underline" href={signInPath(typeof window === 'undefined' ? '/' : window.location.pathname)}>Sign in again</Link> to practise.
        </p>
      );
    }
    if (failure === 'gone') {
      return (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950">
          This question is no longer available to practise. <Link className="underline" href="/">Back to the question bank</Link>
        </p>
      );
    }
    if (failure === 'unavailable') {
      return (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-800 dark:bg-red-950">
          Your attempts could not be loaded. Reload the page to try again.
        </p>
      );
    }
    return (
      <p aria-busy="true" className="min-h-64 rounded-xl border border-slate-200 p-5 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300" data-testid="practice-loading">
        Loading your practice…
      </p>
    );
  }
  return (
    <>
      <PracticePanel
        key={questionId}
        questionId={questionId}
        draftOwner={state.viewerId}
        answerKind={answerKind}
        starterCode={starterCode}
        latestAttempt={state.latestAttempt}
        hasModelAnswer={hasModelAnswer}
        canRevealModelAnswer={state.canRevealModelAnswer}
        modelAnswer={state.modelAnswer}
        onRated={onRated}
      />
      <AttemptHistory attempts={state.attempts.map((a) => (rated[a.id] ? { ...a, recall: rated[a.id]! } : a))} currentId={state.latestAttempt?.id} />
    </>
  );
}
