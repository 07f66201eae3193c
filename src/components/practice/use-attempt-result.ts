'use client';

// Follows one attempt until the worker has graded it, by long-poll: GET /api/attempts/<id>?wait=25
// answers as soon as the grade is recorded (or after 25 s, and we ask again). No polling every few
// milliseconds. A failed request (the network dropped, the web server restarting, a 5xx) is
// retried with a growing pause, at once when the browser comes back online, and never given up:
// the answer is stored and graded whether or not this page is connected, so the result is picked
// up as soon as the server answers again. After a few failures in a row onTrouble(true) says so,
// and onTrouble(false) once a request answers again. Only an ended session (401) and an attempt
// that is not there (404) stop it, each reported once.
import { useEffect, useRef } from 'react';
import { TERMINAL_STATUSES, type AttemptView } from '@/lib/attempt-view';

const WAIT_SECONDS = 25;
// Pauses before each retry: 1 s, 2 s, 4 s, 8 s, then every 10 s.
const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000];
// Failures in a row before the candidate is told (a single blip is not worth a message).
const TROUBLE_AFTER = 2;

export type AttemptFollowCallbacks = {
  onUpdate: (attempt: AttemptView) => void;
  onTrouble: (trouble: boolean) => void;
  onSignedOut: () => void;
  onLost: () => void;
};

// Resolves after `ms`, or sooner when the browser comes back online or the follow is stopped.
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

export function useAttemptResult(attemptId: string | null, callbacks: AttemptFollowCallbacks): void {
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  useEffect(() => {
    if (!attemptId) return;
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      let failures = 0;
      while (!signal.aborted) {
        let response: Response | null = null;
        let next: AttemptView | null = null;
        try {
          response = await fetch(`/api/attempts/${attemptId}?wait=${WAIT_SECONDS}`, { cache: 'no-store', signal });
          if (response.ok) next = (await response.json()).attempt as AttemptView;
        } catch {
          // Below: no answer (or a broken one) is a failure like a 5xx.
        }
        if (signal.aborted) return;
        if (response?.status === 401) return latest.current.onSignedOut();
        if (response?.status === 404) return latest.current.onLost();
        if (!next) {
          failures++;
          if (failures === TROUBLE_AFTER) latest.current.onTrouble(true);
          await pause(RETRY_MS[Math.min(failures, RETRY_MS.length) - 1]!, signal);
          continue;
        }
        if (failures >= TROUBLE_AFTER) latest.current.onTrouble(false);
        failures = 0;
        latest.current.onUpdate(next);
        if (TERMINAL_STATUSES.includes(next.status)) return;
      }
    })();
    return () => controller.abort();
  }, [attemptId]);
}
