'use client';

import { useCallback, useRef, useState } from 'react';
import type { RunResult } from '@/server/runs/schemas';

// Run before Submit: posts the answer to /api/runs and keeps the last run's result or error, and
// the answer it ran (so the panel can tell when the editor no longer holds it). A 429/503 message
// already says when to try again; it is shown as it is. A 401 (the session ended) is `signedOut`,
// for the panel to say what became of the code and how to sign in again.
export function useVisibleRun(questionId: string) {
  const [result, setResult] = useState<RunResult | null>(null);
  const [ranAnswer, setRanAnswer] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  // Which run's answer may still land: clear() (a submit) moves it on, so a run that finishes
  // after the submit is not shown beside the graded result.
  const generation = useRef(0);
  const run = useCallback(
    async (answer: string) => {
      const mine = ++generation.current;
      setRunning(true);
      setError(null);
      setSignedOut(false);
      const response = await fetch('/api/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ questionId, answer }),
      }).catch(() => null);
      const body = await response?.json().catch(() => null);
      if (mine !== generation.current) return;
      setRunning(false);
      if (response?.status === 401) {
        setResult(null);
        setSignedOut(true);
        return;
      }
      if (!response?.ok) {
        setResult(null);
        setError(body?.error ?? 'Could not run your code. Check your connection and try again.');
        return;
      }
      setResult(body as RunResult);
      setRanAnswer(answer);
    },
    [questionId],
  );
  const clear = useCallback(() => {
    generation.current++;
    setRunning(false);
    setResult(null);
    setError(null);
    setSignedOut(false);
    setRanAnswer(null);
  }, []);
  return { result, ranAnswer, error, signedOut, running, run, clear };
}
