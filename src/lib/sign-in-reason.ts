import { z } from 'zod';

// Why a visitor was sent to the sign-in page, as `?reason=` in its address. Only these codes are
// read and the page words each itself, so a crafted link cannot put its own text on the page.
export const SignInReasonSchema = z.enum(['locked-question']);
export type SignInReason = z.infer<typeof SignInReasonSchema>;

export function signInReason(value: unknown): SignInReason | null {
  const parsed = SignInReasonSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
