'use client';

// Said when a request of the practice page meets an ended session (401): what became of the
// answer, and a way to sign in that comes back to this page, where the kept draft (or the
// attempt's result) is waiting.
import Link from 'next/link';
import { signInPath } from '@/lib/sign-in-path';

export function SessionEnded({ id, situation, then }: { id?: string; situation: string; then: string }) {
  // Only shown after a request in the browser failed, so the address is the browser's.
  const here = typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search;
  return (
    <p role="alert" id={id} tabIndex={-1} data-testid="session-ended" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-100">
      Your session has ended. {situation}{' '}
      <Link className="font-medium underline" href={signInPath(here)}>
        Sign in again
      </Link>{' '}
      {then}
    </p>
  );
}
