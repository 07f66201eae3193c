'use client';

// Follows one attempt until the worker has graded it: the one place the browser asks for an
// attempt's progress (the practice panel and an attempt's own page both use it). It starts from
// whatever the server rendered, so a reload mid-grading keeps following the same attempt.
// A dropped connection is said and waited out (the result shows once it is back); an ended
// session or an attempt that is gone stops the following, so nothing spins for ever.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isTerminal, type AttemptView } from '@/lib/attempt-view';
import { useAttemptResult } from './use-attempt-result';

type Problem = 'reconnecting' | 'signed-out' | 'lost';

const MESSAGE: Record<Exclude<Problem, 'signed-out'>, string> = {
  reconnecting: 'The connection dropped while your answer was being graded. Your answer is saved; this page keeps trying and shows the result once it is back.',
  lost: 'Lost track of your attempt. Reload the page to see your attempts.',
};

export function useFollowedAttempt(initial: AttemptView | null, onSettled?: (attempt: AttemptView) => void) {
  const [attempt, setAttempt] = useState<AttemptView | null>(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  // True once an attempt moved to a final state while this page watched it (not when it was
  // already graded on arrival): that is when focus moves to the result.
  const [settledHere, setSettledHere] = useState(false);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onSettledRef.current = onSettled;
  }, [onSettled]);

  // Still waiting for a grade, and still able to hear of it (not signed out, not gone).
  const stopped = problem === 'signed-out' || problem === 'lost';
  const pending = attempt !== null && !isTerminal(attempt.status);
  const grading = pending && !stopped;

  // Pushed, not polled: a long-poll that answers as soon as the worker records the grade.
  useAttemptResult(grading ? attempt.id : null, {
    onUpdate: (next) => {
      setAttempt(next);
      if (isTerminal(next.status)) {
        setSettledHere(true);
        onSettledRef.current?.(next);
      }
    },
    onTrouble: (trouble) => setProblem(trouble ? 'reconnecting' : null),
    onSignedOut: () => setProblem('signed-out'),
    onLost: () => setProblem('lost'),
  });

  const follow = useCallback((next: AttemptView) => {
    setProblem(null);
    setSettledHere(false);
    setAttempt(next);
  }, []);

  const error = problem === null || problem === 'signed-out' ? null : MESSAGE[problem];
  // `abandoned`: still pending, but this page can no longer hear of it; the pages show no spinner
  // for it (the message says what happened and what to do).
  return { attempt, grading, abandoned: pending && stopped, signedOut: problem === 'signed-out', error, settledHere, follow };
}
