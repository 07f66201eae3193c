// Reset tokens: 32 random bytes for the link; only their SHA-256 is stored, so a copy of the
// database cannot be used to reset anyone's password.
import { createHash, randomBytes } from 'node:crypto';

export const EMAILED_LINK_MINUTES = 30;
// An admin passes the link on by hand (chat, phone), so it lives longer.
export const ADMIN_LINK_HOURS = 24;

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashResetToken(token) };
}

export const resetPath = (token: string) => `/reset-password?token=${token}`;
