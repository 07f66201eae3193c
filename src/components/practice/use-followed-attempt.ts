'use client';

// Follows one attempt until the worker has graded it: the one place the browser asks for an
// attempt's progress (the practice panel and an attempt's own page both use it). It starts from
// whatever the server rendered, so a reload mid-grading keeps following the same attempt.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isTerminal, type AttemptView } from '@/lib/attempt-view';

const POLL_MS = 250;

export function useFollowedAttempt(initial: AttemptView | null, onSettled?: (attempt: AttemptView) => void) {
  const [attempt, setAttempt] = useState<AttemptView | null>(initial);
  const [error, setError] = useState<string | null>(null);
  // True once an attempt moved to a final state while this page watched it (not when it was
  // already graded on arrival): that is when focus moves to the result.
  const [settledHere, setSettledHere] = useState(false);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onSettledRef.current = onSettled;
  }, [onSettled]);

  const grading = attempt !== null && !isTerminal(attempt.status);

  useEffect(() => {
    if (!attempt || !grading) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/attempts/${attempt.id}`, { cache: 'no-store' }).catch(() => null);
      if (cancelled) return;
      if (!response?.ok) {
        setError('Lost track of your attempt; it is saved — reload the page to see it.');
        return;
      }
      const next = (await response.json()).attempt as AttemptView;
      if (cancelled) return;
      setAttempt(next);
      if (isTerminal(next.status)) {
        setSettledHere(true);
        onSettledRef.current?.(next);
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [attempt, grading]);

  const follow = useCallback((next: AttemptView) => {
    setError(null);
    setSettledHere(false);
    setAttempt(next);
  }, []);

  return { attempt, grading, error, settledHere, follow };
}
