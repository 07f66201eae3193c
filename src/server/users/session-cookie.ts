// The session cookie, recognised in one place. next-auth names it `next-auth.session-token`
// (`__Secure-` first when the app's URL is https) and splits a token over 4 KB into `.0`, `.1`…
// chunks. Both names count everywhere a request is sorted into signed in or anonymous: counting a
// cookie as a session only ever makes a response private; whether it is a live session is
// decided by decrypting it (decode-session-token.ts) and asking the database (src/server/auth.ts).

// next-auth splits a token over 4 KB into chunks; ours are far smaller. Anything longer is not ours.
export const MAX_SESSION_TOKEN_CHARS = 16_384;
const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.(\d+))?$/;

export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE.test(name);
}

// Whether a Cookie header carries a session cookie at all, valid or not (no decryption, no query).
export function cookieHeaderHasSession(cookieHeader: string | null | undefined): boolean {
  return (cookieHeader ?? '').split(';').some((part) => isSessionCookieName(part.split('=', 1)[0]!.trim()));
}

// The session token in a Cookie header, joined from its chunks in order, or null.
export function sessionTokenFromCookies(cookieHeader: string | null | undefined): string | null {
  let whole: string | null = null;
  const chunks: [number, string][] = [];
  for (const part of (cookieHeader ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at === -1) continue;
    const match = SESSION_COOKIE.exec(part.slice(0, at).trim());
    if (!match) continue;
    const value = part.slice(at + 1).trim();
    if (match[1] === undefined) whole = value;
    else chunks.push([Number(match[1]), value]);
  }
  const token = whole ?? chunks.sort((a, b) => a[0] - b[0]).map(([, value]) => value).join('');
  return token && token.length <= MAX_SESSION_TOKEN_CHARS ? token : null;
}
