// Next.js serves GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS. Any other method Node's parser
// accepts (TRACE, PROPFIND, MKCOL, LOCK, PURGE, SEARCH, REPORT…) fails inside Next.js instead: a
// 500 "Internal Server Error" in text/plain for TRACE, a 400 with no body for the rest. No route or
// page takes one, so the web server answers it before Next.js (and before the page cache and the
// admission queue): a 405 in the API's JSON shape, with the Allow header a DELETE to a GET-only
// route gets (answer-method-not-allowed.ts asks the route).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowedMethods, methodNotAllowedBody, requestPath } from './answer-method-not-allowed';

const SERVED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// A page answers GET and HEAD, and POST for its server actions.
const PAGE_METHODS = 'GET, HEAD, POST';

// True when it has taken the request (the answer goes out asynchronously); false for a method
// Next.js serves, which is left alone.
export function refuseUnsupportedMethod(request: IncomingMessage, response: ServerResponse, port: number): boolean {
  const method = request.method ?? 'GET';
  if (SERVED_METHODS.has(method)) return false;
  const path = requestPath(request);
  const isApi = path === '/api' || path.startsWith('/api/');
  const answer = async () => {
    const allow = isApi ? await allowedMethods(port, path) : PAGE_METHODS;
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
