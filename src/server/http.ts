// The one wrapper around route handlers: it refuses cross-site writes, reads bodies within a size
// limit, and turns thrown errors into JSON a person can read.
// ZodError -> 400 with field messages, AppError -> its status, anything else -> 500 without a stack.
import { NextResponse } from 'next/server';
import { ZodError, type ZodType, type z } from 'zod';
import { fieldErrors } from '@/lib/field-errors';
import type { RouteParams } from './observability/metrics';
import { startRequestTimer } from './observability/start-request-timer';
import { findDisallowedInJson } from '@/lib/text-field';
import { jsonNestingDepth, MAX_JSON_NESTING, tooDeepMessage } from '@/lib/json-nesting';
import { appHosts, FOREIGN_ORIGIN_MESSAGE } from './app-hosts';
import { AppError, BadRequestError, ForbiddenError, PayloadTooLargeError } from './errors';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

// JSON API bodies; only bundle import passes a larger limit.
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

function describe(error: ZodError): string {
  return Object.entries(fieldErrors(error))
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join(' ');
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    return NextResponse.json({ error: describe(error), fields: fieldErrors(error) }, { status: 400 });
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (typeof error.details?.retryAfterSeconds === 'number') headers['Retry-After'] = String(error.details.retryAfterSeconds);
    return NextResponse.json({ error: error.message, ...error.details }, { status: error.status, headers });
  }
  console.error('Unhandled error in route handler:', error);
  return NextResponse.json({ error: 'Something went wrong on our side. Please try again.' }, { status: 500 });
}

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isJsonType(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

function hostsOf(request: Request): Set<string> {
  const hosts = appHosts(request.headers.get('host'), request.headers.get('x-forwarded-host'));
  try {
    hosts.add(new URL(request.url).host.toLowerCase());
  } catch {
    // A handler called with a relative URL has no host of its own.
  }
  return hosts;
}

// Whether a request holds a body. Content-Length or Transfer-Encoding say so when sent (on the
// wire, a request with neither has none), but Next.js hands every write a body stream, so then
// the stream itself is looked at, through a copy the handler never sees, up to its first byte.
async function hasBody(request: Request): Promise<boolean> {
  const length = request.headers.get('content-length');
  if (length !== null) return length.trim() !== '0';
  if (request.headers.has('transfer-encoding')) return true;
  const reader = request.body ? request.clone().body?.getReader() : undefined;
  if (!reader) return false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } catch {
    // A body that broke off while being read was still a body.
    return true;
  } finally {
    // Not awaited: a copy's cancel settles only once the original is cancelled too.
    reader.cancel().catch(() => {});
  }
}

// CSRF: a write with a body must be JSON (a cross-site <form> cannot send that without a CORS
// preflight, which we never grant) and must come from this site, by its Origin or, when a
// browser sends no Origin, its Sec-Fetch-Site. Non-browser clients send an Origin header naming
// this app. A write with no body needs no type (it carries nothing a form could smuggle).
export async function assertSameOriginJson(request: Request): Promise<void> {
  const contentType = request.headers.get('content-type');
  if (contentType ? !isJsonType(contentType) : await hasBody(request)) {
    throw new ForbiddenError('This request was refused: send the body as JSON, with Content-Type: application/json.');
  }
  const origin = request.headers.get('origin');
  if (origin !== null) {
    let host: string | null = null;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      host = null;
    }
    if (host === null || !hostsOf(request).has(host)) {
      throw new ForbiddenError(FOREIGN_ORIGIN_MESSAGE);
    }
    return;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return;
  throw new ForbiddenError('This request was refused: it did not say it came from this app (send an Origin header).');
}

export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    // The route's dynamic segments, for its metrics label (a promise since Next.js 15).
    const params = await Promise.resolve((context as { params?: Promise<RouteParams> } | undefined)?.params).catch(() => undefined);
    const observe = startRequestTimer(request, params);
    try {
      if (!READ_ONLY_METHODS.has(request.method.toUpperCase())) await assertSameOriginJson(request);
      return observe(await handler(request, context));
    } catch (error) {
      return observe(errorResponse(error));
    }
  };
}

// No query parameter of the API is repeatable (a list is one value, separated by commas), so a
// repeated one is refused rather than reduced to its last value: `?only=database&only=workers`
// would otherwise check the workers alone and call the app ready while the database is down.
export function parseSearchParams<S extends ZodType>(request: Request, schema: S): z.infer<S> {
  const searchParams = new URL(request.url).searchParams;
  const params: Record<string, string> = {};
  for (const [name, value] of searchParams) {
    if (Object.hasOwn(params, name)) {
      const message = `Give ${name} once: it appears ${searchParams.getAll(name).length} times in the query.`;
      throw new BadRequestError(message, { fields: { [name]: message } });
    }
    params[name] = value;
  }
  return schema.parse(params);
}

const formatLimit = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

// Reads the body as UTF-8 text, stopping (413) as soon as it passes `limit` bytes, so an
// oversized body is never held in memory whole.
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const tooLarge = () => new PayloadTooLargeError(`The request body is larger than the limit of ${formatLimit(limit)}.`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError('The request body must be UTF-8 text.');
  }
}

export async function parseJsonBody<S extends ZodType>(
  request: Request,
  schema: S,
  { limit = JSON_BODY_LIMIT_BYTES }: { limit?: number } = {},
): Promise<z.infer<S>> {
  const text = await readBodyText(request, limit);
  // No body at all: name the fields it needs, as for `{}`, rather than only "not JSON".
  if (text.trim() === '') {
    schema.parse({});
    throw new BadRequestError('The request body must be valid JSON.');
  }
  if (jsonNestingDepth(text) > MAX_JSON_NESTING) throw new BadRequestError(tooDeepMessage('The request body'));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequestError('The request body must be valid JSON.');
  }
  const parsed = schema.parse(body);
  // A safety net under the schemas' own text rules, for fields they pass through as they are.
  const hit = findDisallowedInJson(parsed);
  if (hit) {
    const field = hit.path.join('.') || '_';
    const message = `${field === '_' ? 'The request' : field} contains ${hit.found}; remove it and try again.`;
    throw new BadRequestError(message, { fields: { [field]: message } });
  }
  return parsed;
}

// For handlers we do not write (next-auth's): the same body limit, applied by reading the body
// here and handing on a copy. JSON that does not parse is refused here, not thrown inside them.
export async function withBodyWithin<R extends Request>(
  request: R,
  limit: number,
  copy: (init: { method: string; headers: Headers; body: string }) => R,
): Promise<R> {
  if (READ_ONLY_METHODS.has(request.method.toUpperCase())) return request;
  const text = await readBodyText(request, limit);
  if (isJsonType(request.headers.get('content-type') ?? '')) {
    try {
      JSON.parse(text);
    } catch {
      throw new BadRequestError('The request body must be valid JSON.');
    }
  }
  return copy({ method: request.method, headers: request.headers, body: text });
}
