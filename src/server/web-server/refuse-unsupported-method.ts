// Next.js serves GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS. Any other method Node's parser
// accepts (TRACE, PROPFIND, MKCOL, LOCK, PURGE, SEARCH, REPORT…) fails inside Next.js instead: a
// 500 "Internal Server Error" in text/plain for TRACE, a 400 with no body for the rest. No route or
// page takes one, so the web server answers it before Next.js (and before the page cache and the
// admission queue): a 405 in the API's JSON shape, with the Allow header a DELETE to a GET-only
// route gets (answer-method-not-allowed.ts asks the route).
// A page is different again: Next.js renders it for PUT, PATCH and DELETE as for GET (200 and the
// whole page) and answers OPTIONS with an empty 400, while the 405 above said a page answers GET,
// HEAD and POST. So on a page only those three reach Next.js; route handlers (/api and /metrics)
// answer the methods they export and send their own 405 for the rest.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowedMethods, methodNotAllowedBody, requestPath } from './answer-method-not-allowed';

const SERVED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// A page answers GET and HEAD, and POST for its server actions; a build file only GET and HEAD.
const PAGE_METHODS = 'GET, HEAD, POST';
const ASSET_METHODS = 'GET, HEAD';

export const isRouteHandlerPath = (path: string) => path === '/api' || path.startsWith('/api/') || path === '/metrics';

// True when it has taken the request (the answer goes out asynchronously); false for a method
// the path's route or page serves, which is left to Next.js.
export function refuseUnsupportedMethod(request: IncomingMessage, response: ServerResponse, port: number): boolean {
  const method = request.method ?? 'GET';
  const path = requestPath(request);
  const handler = isRouteHandlerPath(path);
  const pageAllow = path.startsWith('/_next/') ? ASSET_METHODS : PAGE_METHODS;
  if (handler ? SERVED_METHODS.has(method) : pageAllow.split(', ').includes(method)) return false;
  const answer = async () => {
    const allow = handler ? await allowedMethods(port, path) : pageAllow;
    const body = methodNotAllowedBody(path, method, allow);
    response.statusCode = 405;
    if (allow) response.setHeader('Allow', allow);
    response.setHeader('Content-Type', 'application/json');
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(body);
  };
  answer().catch(() => response.destroy());
  return true;
}
