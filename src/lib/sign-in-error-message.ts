// What to tell a visitor whom next-auth sent back to the sign-in page with `?error=<code>`
// (authOptions.pages.error). The codes are next-auth v4's (https://next-auth.js.org/configuration/pages#error-codes);
// an unknown or missing code gets no message rather than a guess, and the code itself is never
// echoed, so a crafted link cannot put its own words on the page.
const MESSAGES: Record<string, string> = {
  AccessDenied: 'This account cannot sign in. It may have been disabled; ask an administrator.',
  CredentialsSignin: 'Wrong email or password.',
  SessionRequired: 'Please sign in to see that page.',
  OAuthAccountNotLinked: 'That email already has a Rehearse account. Sign in the way you first did.',
  Configuration: 'Signing in is not set up correctly on this server. Please tell its administrator.',
  Verification: 'That sign-in link has expired or was already used.',
  Default: 'Signing in did not work. Please try again.',
};
const PROVIDER_FAILURE = 'Signing in with that provider did not work. Try again, or use your email and password.';
const PROVIDER_CODES = new Set(['OAuthSignin', 'OAuthCallback', 'OAuthCreateAccount', 'EmailCreateAccount', 'Callback', 'EmailSignin', 'Signin']);

export function signInErrorMessage(code: unknown): string | null {
  if (typeof code !== 'string') return null;
  if (Object.hasOwn(MESSAGES, code)) return MESSAGES[code]!;
  return PROVIDER_CODES.has(code) ? PROVIDER_FAILURE : null;
}
