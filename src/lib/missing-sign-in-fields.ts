// An empty email or password is said for what it is, before asking the server: "Wrong email or
// password." for a form left blank read as if something had been checked and failed.
export type SignInFieldErrors = Partial<Record<'email' | 'password', string>>;

export function missingSignInFields(email: string, password: string): SignInFieldErrors {
  const errors: SignInFieldErrors = {};
  if (!email.trim()) errors.email = 'Enter your email.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}
