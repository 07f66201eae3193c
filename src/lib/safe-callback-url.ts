// Only same-site paths may be used as a "return to" address, so a sign-in link cannot send
// someone to another site afterwards. The value is resolved with the URL parser (as a browser
// would) against a stand-in origin: it is accepted only when it stays on that origin and is a
// path. The result is always ASCII (the parser percent-encodes the rest), so it is a valid
// Location header.
const ORIGIN = 'http://rehearse.invalid';

// Tabs and newlines are dropped by browsers' URL parsers (`/\t/evil` becomes `//evil`) and a
// backslash counts as a slash; refuse them rather than guess what a browser will make of them.
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;
// A path that starts with two slashes (or an encoded slash or backslash after the first) reads as
// another host to some browsers and proxies.
const HOST_LIKE_PATH = /^\/(?:\/|%2f|%5c)/i;

export function safeCallbackUrl(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || CONTROL_OR_BACKSLASH.test(value)) return fallback;
  if (HOST_LIKE_PATH.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN || HOST_LIKE_PATH.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

// next-auth's redirect callback: where to send a browser after signing in or out, given the
// callbackUrl a client sent (a parameter, a form field or next-auth's callback-url cookie) and the
// site's own base URL. next-auth's default ran `new URL(url)` on anything not starting with "/",
// so "\\evil.example" or " //x" threw and every auth endpoint answered 500 while the cookie held
// it. Here a URL on this site keeps its path (checked like any "return to" path) and anything
// else, parsable or not, goes to the site's root.
export function sameSiteRedirect(url: string, baseUrl: string): string {
  let target: URL;
  let base: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url, base);
  } catch {
    return baseUrl;
  }
  if (target.origin !== base.origin) return baseUrl;
  return `${base.origin}${safeCallbackUrl(`${target.pathname}${target.search}${target.hash}`)}`;
}
