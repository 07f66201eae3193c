'use client';

// Follows one attempt until the worker has graded it: the one place the browser asks for an
// attempt's progress (the practice panel and an attempt's own page both use it). It starts from
// whatever the server rendered, so a reload mid-grading keeps following the same attempt.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isTerminal, type AttemptView } from '@/lib/attempt-view';
import { useAttemptResult } from './use-attempt-result';

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

  // Pushed, not polled: a long-poll that answers as soon as the worker records the grade.
  useAttemptResult(grading ? attempt.id : null, {
    onUpdate: (next) => {
      setAttempt(next);
      if (isTerminal(next.status)) {
        setSettledHere(true);
        onSettledRef.current?.(next);
      }
    },
    onLost: () => setError('Lost track of your attempt; it is saved — reload the page to see it.'),
  });

  const follow = useCallback((next: AttemptView) => {
    setError(null);
    setSettledHere(false);
    setAttempt(next);
  }, []);

  return { attempt, grading, error, settledHere, follow };
}
