'use client';

// Follows one attempt until the worker has graded it, by long-poll: GET /api/attempts/<id>?wait=25
// answers as soon as the grade is recorded (or after 25 s, and we ask again). No polling every few
// milliseconds; a failed request is retried after a short pause, and a 404 (or a run of failures)
// is reported once through onLost.
import { useEffect, useRef } from 'react';
import { TERMINAL_STATUSES, type AttemptView } from '@/lib/attempt-view';

const WAIT_SECONDS = 25;
const RETRY_MS = 1_000;
const MAX_FAILURES = 5;

export function useAttemptResult(
  attemptId: string | null,
  { onUpdate, onLost }: { onUpdate: (attempt: AttemptView) => void; onLost: () => void },
): void {
  const callbacks = useRef({ onUpdate, onLost });
  useEffect(() => {
    callbacks.current = { onUpdate, onLost };
  });

  useEffect(() => {
    if (!attemptId) return;
    const controller = new AbortController();
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    void (async () => {
      let failures = 0;
      while (!controller.signal.aborted) {
        try {
          const response = await fetch(`/api/attempts/${attemptId}?wait=${WAIT_SECONDS}`, { cache: 'no-store', signal: controller.signal });
          if (response.status === 404) break;
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const next = (await response.json()).attempt as AttemptView;
          failures = 0;
          if (controller.signal.aborted) return;
          callbacks.current.onUpdate(next);
          if (TERMINAL_STATUSES.includes(next.status)) return;
        } catch {
          if (controller.signal.aborted) return;
          if (++failures >= MAX_FAILURES) break;
          await pause(RETRY_MS);
        }
      }
      if (!controller.signal.aborted) callbacks.current.onLost();
    })();
    return () => controller.abort();
  }, [attemptId]);
}
