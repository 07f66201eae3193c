import type { SignInReason } from './sign-in-reason';

// Where a signed-out visitor goes to sign in and come back to `returnTo` afterwards; `reason`
// lets the sign-in page say why they were sent there (src/lib/sign-in-reason.ts).
export function signInPath(returnTo: string, reason?: SignInReason): string {
  const path = `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`;
  return reason ? `${path}&reason=${reason}` : path;
}
