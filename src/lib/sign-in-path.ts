// Where a signed-out visitor goes to sign in and come back to `returnTo` afterwards.
export function signInPath(returnTo: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`;
}
