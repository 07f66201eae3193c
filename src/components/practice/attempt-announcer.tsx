'use client';

import { announceAttempt, type AttemptView } from '@/lib/attempt-view';

// A polite live region, present from the first render so screen readers pick up its changes:
// "queued", "grading", then the status and score.
export function AttemptAnnouncer({ attempt }: { attempt: AttemptView | null }) {
  return (
    <p role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="attempt-announcer">
      {attempt ? announceAttempt(attempt) : ''}
    </p>
  );
}
