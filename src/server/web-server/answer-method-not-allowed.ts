// Next.js answers a method that a route file does not export (DELETE on a GET-only route) with a
// bare 405: no body, no Content-Type and no Allow header. An API client should get the API's error
// shape. Making every route file export every method would also make Next.js's own OPTIONS answer
// (and its Allow header, built from the exports) claim them all, so instead the web server, which
// sees every response go out, takes over a bare 405 on an /api path before anything of it is
// written: it asks the app which methods the path takes (Next.js answers OPTIONS with that Allow
// header, and OPTIONS skips the admission queue) and sends the JSON error with it. 405s are rare,
// so the extra loopback request is too. Our own handlers never send a 405 without a Content-Type.
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOW_PROBE_TIMEOUT_MS = 2_000;
// A flood of wrong methods must not become a flood of probes (they skip the admission queue):
// at most this many run at once, and past that the 405 goes out without an Allow header. The
// answers are remembered per path (a route's methods are fixed at build time), a bounded number
// of paths, so a repeated mistake costs one probe.
const MAX_PROBES_IN_FLIGHT = 4;
const REMEMBERED_PATHS = 256;
const remembered = new Map<string, string>();
let probesInFlight = 0;

async function probeAllowedMethods(port: number, path: string): Promise<string | null> {
  try {
    const probe = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'OPTIONS', signal: AbortSignal.timeout(ALLOW_PROBE_TIMEOUT_MS) });
    await probe.body?.cancel();
    return probe.ok ? probe.headers.get('allow') : null;
  } catch {
    return null;
  }
}

// The methods the app's route for an /api path takes (its Allow header), or null if it could not
// be asked in time.
export async function allowedMethods(port: number, path: string): Promise<string | null> {
  if (remembered.has(path)) return remembered.get(path)!;
  if (probesInFlight >= MAX_PROBES_IN_FLIGHT) return null;
  probesInFlight += 1;
  try {
    const allow = await probeAllowedMethods(port, path);
    // A failed probe (a timeout under load) is not remembered: the next 405 asks again.
    if (allow !== null) {
      if (remembered.size >= REMEMBERED_PATHS) remembered.delete(remembered.keys().next().value!);
      remembered.set(path, allow);
    }
    return allow;
  } finally {
    probesInFlight -= 1;
  }
}

export const methodNotAllowedBody = (path: string, method: string, allow: string | null) =>
  JSON.stringify({ error: allow ? `${path} does not answer ${method}; it answers ${allow}.` : `${path} does not answer ${method}.` });

// The path of a request's URL, without its query.
export function requestPath(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const queryAt = url.search(/[?#]/);
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

type Callback = (error?: Error | null) => void;
type HeaderValue = string | number | readonly string[];

// writeHead's headers: an object, or a flat [name, value, name, value…] array.
function headerEntries(headers: unknown): [string, HeaderValue][] {
  if (Array.isArray(headers)) {
    const entries: [string, HeaderValue][] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) entries.push([String(headers[i]), headers[i + 1] as HeaderValue]);
    return entries;
  }
  return headers ? (Object.entries(headers) as [string, HeaderValue][]) : [];
}

const hasContentType = (headers: unknown) => headerEntries(headers).some(([name]) => name.toLowerCase() === 'content-type');

export function answerMethodNotAllowed(request: IncomingMessage, response: ServerResponse, port: number): void {
  const path = requestPath(request);
  if (path !== '/api' && !path.startsWith('/api/')) return;
  const { writeHead, write, end, flushHeaders } = response;
  let takenOver = false;
  // Next.js sets the status and headers, then calls writeHead, flushes the headers, writes (empty)
  // chunks or ends, depending on the version and the build; whichever comes first decides.
  const isBare405 = () => takenOver || (takenOver = response.statusCode === 405 && !response.headersSent && !response.hasHeader('content-type'));

  const answer = async (callback: Callback | undefined) => {
    const method = request.method ?? 'GET';
    // Never probe for a 405 to OPTIONS itself: the probe would be one too.
    const allow = method === 'OPTIONS' ? null : await allowedMethods(port, path);
    const body = methodNotAllowedBody(path, method, allow);
    // Node's own end() calls writeHead, which must now write.
    Object.assign(response, { writeHead, write, end, flushHeaders });
    if (allow) response.setHeader('Allow', allow);
    response.setHeader('Content-Type', 'application/json');
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(body, callback);
  };

  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    // writeHead(status[, message][, headers]): the headers given here count as set.
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    if (takenOver) return this;
    if (statusCode !== 405 || response.headersSent || response.hasHeader('content-type') || hasContentType(headers)) {
      return (writeHead as (...a: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    }
    response.statusCode = 405;
    for (const [name, value] of headerEntries(headers)) response.setHeader(name, value);
    takenOver = true;
    return this;
  } as ServerResponse['writeHead'];
  response.flushHeaders = function (this: ServerResponse) {
    if (!isBare405()) flushHeaders.call(this);
  };
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!isBare405()) return (write as (...a: unknown[]) => boolean).apply(this, args);
    const callback = args.find((arg) => typeof arg === 'function') as Callback | undefined;
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse['write'];
  let ending = false;
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!isBare405()) return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    if (!ending) {
      ending = true;
      answer(args.find((arg) => typeof arg === 'function') as Callback | undefined).catch(() => response.destroy());
    }
    return this;
  } as ServerResponse['end'];
}
