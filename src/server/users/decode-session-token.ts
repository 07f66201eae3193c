// The claims of a session token this server issued: decrypted once per token and remembered until
// the token expires, so a signed-in reader does not pay a key derivation and a decryption on every
// request (it was ~6 % of the web process's CPU under load). Remembering is safe: the token is
// authenticated encryption, so the same bytes always decrypt to the same claims, and whether the
// session is still current (account enabled, session version) is asked of the database by the
// caller, every time (src/server/auth.ts).
import { decode } from 'next-auth/jwt';
import { MAX_SESSION_TOKEN_CHARS } from './session-cookie';

export type SessionClaims = { uid: string; sv: number; expiresAt: number };

const MAX_REMEMBERED = 10_000;
type Remembered = { secret: string; claims: SessionClaims | null };
const remembered = new Map<string, Remembered>();

export async function decodeSessionToken(token: string, secret: string | undefined, now = Date.now()): Promise<SessionClaims | null> {
  if (!secret || token.length > MAX_SESSION_TOKEN_CHARS) return null;
  let entry = remembered.get(token);
  if (entry?.secret !== secret) {
    const jwt = await decode({ token, secret }).catch(() => null);
    const claims =
      typeof jwt?.uid === 'string' && typeof jwt.exp === 'number'
        ? { uid: jwt.uid, sv: typeof jwt.sv === 'number' ? jwt.sv : 0, expiresAt: jwt.exp * 1000 }
        : null;
    // Forged tokens are remembered too (as null), so repeating one costs nothing; the map is
    // bounded, and a flood of new ones only empties it.
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    entry = { secret, claims };
    remembered.set(token, entry);
  }
  return entry.claims && entry.claims.expiresAt > now ? entry.claims : null;
}
