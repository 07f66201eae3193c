// next-auth checks the callbackUrl it is given (a query parameter, or its callback-url cookie)
// before anything else and answers 500 "There is a problem with the server configuration" when
// the URL does not parse as http(s): "\\evil.example" or " //x" in a link, or in the cookie, made
// every /api/auth endpoint fail — for as long as the cookie lasted, signing in included. It reads
// both from the request as it arrived (the cookie through next/headers), so the web server drops
// an unusable one before Next.js sees the request: sign-in then goes to the default, and
// next-auth overwrites the cookie with it. A usable one is left for the redirect callback
// (sameSiteRedirect), which keeps only paths on this site.
import type { IncomingMessage } from 'node:http';

const CALLBACK_COOKIES = new Set(['next-auth.callback-url', '__Secure-next-auth.callback-url']);
const STAND_IN_ORIGIN = 'http://rehearse.invalid';

// next-auth's own test (core/lib/assert.js isValidHttpUrl): a path, or an absolute http(s) URL.
function isUsable(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? STAND_IN_ORIGIN : undefined).protocol);
  } catch {
    return false;
  }
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function dropUnusableCallbackUrl(request: IncomingMessage): void {
  const url = request.url ?? '/';
  if (!url.startsWith('/api/auth/')) return;
  const queryAt = url.indexOf('?');
  if (queryAt !== -1) {
    const params = new URLSearchParams(url.slice(queryAt + 1));
    const callbackUrl = params.get('callbackUrl');
    if (callbackUrl !== null && !isUsable(callbackUrl)) {
      params.delete('callbackUrl');
      const rest = params.toString();
      request.url = `${url.slice(0, queryAt)}${rest ? `?${rest}` : ''}`;
    }
  }
  const cookie = request.headers.cookie;
  if (!cookie) return;
  const parts = cookie.split(/;\s*/);
  const kept = parts.filter((part) => {
    const eq = part.indexOf('=');
    if (eq === -1 || !CALLBACK_COOKIES.has(part.slice(0, eq).trim())) return true;
    return isUsable(decoded(part.slice(eq + 1)));
  });
  if (kept.length !== parts.length) request.headers.cookie = kept.join('; ');
}
