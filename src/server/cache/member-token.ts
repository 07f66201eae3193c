// Whether a request may have the signed-in ("member") copy of a cached question page: it carries a
// session token this server issued that has not expired. Decrypting the token proves that; the
// database is not asked. The member copy holds only what every account sees (anyone may sign up),
// never anyone's own data: that loads beside it with the full session check, which also refuses
// disabled accounts and signed-out sessions (docs/decisions/017).
import { decodeSessionToken, MAX_SESSION_TOKEN_CHARS } from '../users/decode-session-token';

const TOKEN_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.(\d+))?$/;

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
  return token && token.length <= MAX_SESSION_TOKEN_CHARS ? token : null;
}

export async function isMemberToken(token: string, now = Date.now()): Promise<boolean> {
  return (await decodeSessionToken(token, process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET, now)) !== null;
}
