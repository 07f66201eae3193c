// Cache-Control for responses a shared cache (a CDN in front) may keep: anonymous reads of public
// content only. Two seconds at the edge, plus one in the web server's page cache and two of
// practice-count memo (read-practice-counts.ts), keeps the promised 5 s lag; stale-if-error lets
// the edge ride out a restart. Anything that depends on a session is private and never stored.
import { isSessionCookieName } from '../users/session-cookie';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=2, stale-if-error=60';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

const PUBLIC_PAGE = /^\/(?:topics\/[^/]+|questions\/[^/]+|(?:roles|categories)(?:\/[^/]+)?)?$/;

// For src/proxy.ts: the header a public page gets when the request has no session cookie (the
// page is then the same for every anonymous visitor), else null and Next.js's own no-store stays.
export function publicPageCacheControl(pathname: string, cookieNames: string[]): string | null {
  if (!PUBLIC_PAGE.test(pathname)) return null;
  return cookieNames.some(isSessionCookieName) ? null : PUBLIC_CACHE_CONTROL;
}
