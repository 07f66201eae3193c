// Whether a request may have the signed-in ("member") copy of a cached question page: it carries a
// session token this server issued that has not expired. Decrypting the token proves that; the
// database is not asked. The member copy holds only what every account sees (anyone may sign up),
// never anyone's own data: that loads beside it with the full session check, which also refuses
// disabled accounts and signed-out sessions (docs/decisions/017).
import { decode } from 'next-auth/jwt';

const TOKEN_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.(\d+))?$/;
// next-auth splits a token over 4 KB into chunks; ours are far smaller. Anything longer is not ours.
const MAX_TOKEN_CHARS = 16_384;
// Decrypted tokens and their expiry, so a busy reader does not pay a decryption per page view.
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, number>();

// The session token in a Cookie header, joined from its chunks, or null.
export function sessionTokenFromCookies(cookieHeader: string | undefined): string | null {
  let whole: string | null = null;
  const chunks: [number, string][] = [];
  for (const part of (cookieHeader ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at === -1) continue;
    const match = TOKEN_COOKIE.exec(part.slice(0, at).trim());
    if (!match) continue;
    const value = part.slice(at + 1).trim();
    if (match[1] === undefined) whole = value;
    else chunks.push([Number(match[1]), value]);
  }
  const token = whole ?? chunks.sort((a, b) => a[0] - b[0]).map(([, value]) => value).join('');
  return token && token.length <= MAX_TOKEN_CHARS ? token : null;
}

export async function isMemberToken(token: string, now = Date.now()): Promise<boolean> {
  const expires = remembered.get(token);
  if (expires !== undefined) return expires > now;
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) return false;
  const jwt = await decode({ token, secret }).catch(() => null);
  if (typeof jwt?.uid !== 'string' || typeof jwt.exp !== 'number') return false;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(token, jwt.exp * 1000);
  return jwt.exp * 1000 > now;
}
