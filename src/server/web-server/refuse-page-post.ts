// A POST to a page is a server action (the admin's forms). Next.js checks the action's Origin
// against the host itself (its CSRF guard), but answers a mismatch with a 500, and an Origin it
// cannot parse ("Origin: nonsense") throws inside Next.js: a 500 as well. Either is a request from
// another site or a hand-made one, so the web server refuses it first, with the 403 and sentence
// the API gives a foreign write (assertSameOriginJson in src/server/http.ts). A body over Next.js's
// limit for server actions (1 MiB) is a 500 inside Next.js too; one that says so in its
// Content-Length gets a 413 here (the admin's editors check their size before sending).
// The rule is the stricter of the two: the Origin's host must be the one Next.js compares with
// (X-Forwarded-Host if sent, else Host) and one of this app's hosts as the API sees them
// (X-Forwarded-Host only behind TRUSTED_PROXY_HOPS). A POST without an Origin is left to Next.js,
// which lets it through as a hand-made request (no browser sends a form without one).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appHosts, FOREIGN_ORIGIN_MESSAGE } from '@/server/app-hosts';
import { requestPath } from './answer-method-not-allowed';
import { isRouteHandlerPath } from './refuse-unsupported-method';

// Next.js's default serverActions.bodySizeLimit ('1mb', read as 1,048,576 bytes).
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
const TOO_LARGE_MESSAGE = 'This request is larger than 1 MB, the most one form on this site can send. Nothing was saved.';

const firstValue = (header: string | string[] | undefined) =>
  (Array.isArray(header) ? header[0] : header?.split(',')[0])?.trim() || undefined;

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function isThisSite(request: IncomingMessage, origin: string): boolean {
  const host = originHost(origin);
  if (host === null) return false;
  const forwardedHost = firstValue(request.headers['x-forwarded-host']);
  const nextCompares = forwardedHost ?? request.headers.host;
  return host === nextCompares && appHosts(request.headers.host, forwardedHost).has(host);
}

const declaredLength = (request: IncomingMessage) => Number(request.headers['content-length'] ?? 0);

// True when it has answered the request.
export function refusePagePost(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'POST' || isRouteHandlerPath(requestPath(request))) return false;
  const origin = request.headers.origin;
  if (origin !== undefined && !isThisSite(request, origin)) return refuse(response, 403, FOREIGN_ORIGIN_MESSAGE);
  if (declaredLength(request) > SERVER_ACTION_BODY_LIMIT_BYTES) return refuse(response, 413, TOO_LARGE_MESSAGE);
  return false;
}

function refuse(response: ServerResponse, status: number, message: string): true {
  const body = JSON.stringify({ error: message });
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  // The body is not read: close the connection rather than parse what the client still sends.
  response.setHeader('Connection', 'close');
  response.end(body);
  return true;
}
