import Link from 'next/link';
import type { SignInReason } from '@/lib/sign-in-reason';

// Said above the sign-in form when a visitor was sent there rather than came: a question past the
// anonymous preview redirected here with no word of why, which read like a broken link.
export function SignInReasonNote({ reason, callbackUrl }: { reason: SignInReason; callbackUrl: string }) {
  const signUp = `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  switch (reason) {
    case 'locked-question':
      return (
        <div role="status" className="space-y-1 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950 dark:border-indigo-500/40 dark:bg-indigo-500/10 dark:text-indigo-100" data-testid="sign-in-reason">
          <p className="font-medium">This question is for members.</p>
          <p>
            Sign in to practise it, or{' '}
            <Link href={signUp} className="font-medium underline hover:no-underline">create a free account</Link> to unlock the whole question bank; you will come back to this question afterwards.
          </p>
        </div>
      );
  }
}
