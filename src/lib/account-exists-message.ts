// Signing up with an email that already has an account. The API's 409 (POST /api/auth/register)
// says both sentences; the sign-up form shows the first and makes the second its link to sign in.
// Client-safe, so the two cannot drift apart.
export const ACCOUNT_EXISTS = 'An account with this email already exists.';
export const SIGN_IN_INSTEAD = 'Sign in instead';
export const ACCOUNT_EXISTS_MESSAGE = `${ACCOUNT_EXISTS} ${SIGN_IN_INSTEAD}.`;
