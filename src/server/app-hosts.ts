// Which host names a request calls this app by, for the same-site checks of the API's writes
// (assertSameOriginJson in http.ts) and of server actions (web-server/refuse-page-post.ts): its
// Host header and, only behind trusted proxies (TRUSTED_PROXY_HOPS), the first X-Forwarded-Host.
// Lower-cased, as URL's host is.
import { env } from './env';

export const FOREIGN_ORIGIN_MESSAGE = 'This request was refused: it came from another site (its Origin is not this app).';

export function appHosts(host: string | null | undefined, forwardedHost: string | null | undefined): Set<string> {
  const hosts = new Set<string>();
  if (host) hosts.add(host.trim().toLowerCase());
  const forwarded = env.TRUSTED_PROXY_HOPS > 0 ? forwardedHost?.split(',')[0]!.trim().toLowerCase() : undefined;
  if (forwarded) hosts.add(forwarded);
  return hosts;
}
