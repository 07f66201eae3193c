// A cache of whole anonymous page responses, at most one second old, (home, topic and question
// pages, and the public read APIs GET /api/topics and /api/questions), kept by
// the web server in front of Next.js (scripts/serve.ts), with the CSP nonce made fresh for every
// response (docs/decisions/017).
//
// Next.js stamps the nonce of the request's Content-Security-Policy on its inline scripts while it
// renders, so rendered HTML cannot be shared as it is. Here a miss is rendered once, through a
// loopback request that carries RENDER_NONCE_HEADER: src/proxy.ts then renders with this process's
// secret placeholder nonce (only when the header holds that exact secret, so no client can choose
// a nonce). Every response served from the entry gets a fresh random nonce put in place of the
// placeholder, in the body and in the headers. The placeholder never leaves the process.
// Concurrent misses for one page share one render. Only 200 responses without cookies are kept;
// a signed-in reader of the home, a question or a topic page (or the question list) gets the member copy (rendered without any session, with
// RENDER_AUDIENCE_HEADER; their own attempts load beside it: member-token.ts, decision 017);
// anything else is served once and forgotten. Admin writes clear the cache (invalidate-catalog.ts);
// otherwise a copy is fresh for PAGE_MICRO_CACHE_MS and then served at most
// PAGE_STALE_WHILE_RENDERING_MS longer while the next one renders: at most 1 s old in all.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CACHE_BYPASS_HEADER } from './cache-headers';
import { cookieHeaderHasSession, sessionTokenFromCookies } from '../users/session-cookie';
import { isMemberToken } from './member-token';
import { PRIVATE_CACHE_CONTROL } from './public-cache-control';

export const RENDER_NONCE_HEADER = 'x-rehearse-render-nonce';
// Sent with the render nonce: "member" renders the copy for signed-in readers (read-render-audience.ts).
export const RENDER_AUDIENCE_HEADER = 'x-rehearse-render-audience';
export type CacheAudience = 'anonymous' | 'member';
export const PAGE_MICRO_CACHE_MS = 500;
// How long an expired copy may still be served while its successor renders.
export const PAGE_STALE_WHILE_RENDERING_MS = 500;

type Entry = { at: number; status: number; headers: [string, string][]; body: string };
// `epoch` counts clears: a render that began before a clear may hold the old content, so it is
// neither kept nor shared with requests that arrive after the clear.
type Store = { entries: Map<string, Entry>; pending: Map<string, Promise<Entry>>; epoch: number };

const globalForStore = globalThis as unknown as { rehearsePageMicroCache?: Store };
const store: Store = (globalForStore.rehearsePageMicroCache ??= { entries: new Map(), pending: new Map(), epoch: 0 });
// A store made by an older copy of this module (a development reload) has no epoch yet.
store.epoch ??= 0;

// A topic page's later pages (`?page=2`) too: a 50-question page is the costliest render. Role
// and category pages show the same to everyone.
const PUBLIC_PAGE = /^\/(?:topics\/[^/?#]+(?:\?page=\d{1,5})?|questions\/[^/?#]+|(?:roles|categories)(?:\/[^/?#]+)?)?$/;
// The public read APIs, with their query (topic, page): anonymous reads only.
const PUBLIC_API = /^\/api\/(?:topics|questions)(?:\?[^#]*)?$/;
// Pages (and the list API) whose signed-in view is the same for every reader apart from parts
// loaded beside it.
const MEMBER_VIEW = /^\/(?:questions\/[^/?#]+|topics\/[^/?#]+(?:\?page=\d{1,5})?|(?:roles|categories)(?:\/[^/?#]+)?|api\/questions\?[^#]*)?$/;
// Requests that Next.js answers differently (RSC payloads, prefetches, actions), or that asked
// for no cache.
const SKIP_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action', 'purpose', CACHE_BYPASS_HEADER, RENDER_NONCE_HEADER];
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date']);
const MAX_ENTRIES = 5_000;
const FORWARDED = ['host', 'x-forwarded-proto', 'x-forwarded-host'] as const;

export function clearPageMicroCache(): void {
  store.entries.clear();
  store.pending.clear();
  store.epoch++;
}

// The placeholder nonce of this process: set once by the web server, read by src/proxy.ts.
export function renderNonceSecret(): string | undefined {
  return process.env.REHEARSE_RENDER_NONCE;
}

// Which copy of the cache a request gets, or null when Next.js should render it as usual. A session
// cookie that does not decrypt to a live session is rendered as usual (and so seen as signed out).
export async function cacheAudience(request: IncomingMessage): Promise<CacheAudience | null> {
  if (request.method !== 'GET' || !request.url) return null;
  const isPage = PUBLIC_PAGE.test(request.url);
  if (!isPage && !PUBLIC_API.test(request.url)) return null;
  if (SKIP_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  const cookie = request.headers.cookie;
  if (!cookieHeaderHasSession(cookie)) return 'anonymous';
  if (!MEMBER_VIEW.test(request.url)) return null;
  const token = sessionTokenFromCookies(cookie);
  return token && (await isMemberToken(token)) ? 'member' : null;
}

async function render(port: number, request: IncomingMessage, secret: string, audience: CacheAudience): Promise<Entry> {
  const headers: Record<string, string> = { [RENDER_NONCE_HEADER]: secret, 'accept-encoding': 'identity', accept: 'text/html' };
  if (audience === 'member') headers[RENDER_AUDIENCE_HEADER] = 'member';
  // What Next.js answers differently by (HSTS over https behind a TLS proxy) goes along, and into the key.
  for (const name of FORWARDED) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const response = await fetch(`http://127.0.0.1:${port}${request.url}`, { headers, redirect: 'manual' });
  const body = await response.text();
  const kept: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) kept.push([name, value]);
  });
  return { at: Date.now(), status: response.status, headers: kept, body };
}

function send(response: ServerResponse, entry: Entry, secret: string, state: 'hit' | 'stale' | 'miss', audience: CacheAudience): void {
  const nonce = Buffer.from(randomUUID()).toString('base64');
  const body = entry.body.split(secret).join(nonce);
  for (const [name, value] of entry.headers) {
    // The member copy was rendered without a cookie, as a public page; its reader is signed in.
    if (audience === 'member' && name === 'cache-control') continue;
    response.appendHeader(name, value.split(secret).join(nonce));
  }
  if (audience === 'member') response.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
  response.setHeader('content-length', Buffer.byteLength(body));
  response.setHeader('x-rehearse-page-cache', state);
  response.statusCode = entry.status;
  response.end(body);
}

// Answers the request from the cache (rendering it once on a miss) and returns true, or returns
// false when the request is not for the cache and Next.js should handle it as usual.
export async function serveFromPageMicroCache(port: number, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const secret = renderNonceSecret();
  if (!secret) return false;
  const audience = await cacheAudience(request);
  if (!audience) return false;
  const key = [audience, ...FORWARDED.map((name) => String(request.headers[name] ?? '')), request.url].join(' ');
  const hit = store.entries.get(key);
  const age = hit ? Date.now() - hit.at : Infinity;
  if (hit && age < PAGE_MICRO_CACHE_MS) {
    send(response, hit, secret, 'hit', audience);
    return true;
  }
  let pending = store.pending.get(key);
  if (!pending) {
    const epoch = store.epoch;
    const rendering: Promise<Entry> = render(port, request, secret, audience)
      .then((entry) => {
        if (store.epoch === epoch && entry.status === 200 && !entry.headers.some(([name]) => name === 'set-cookie')) {
          if (store.entries.size >= MAX_ENTRIES) store.entries.clear();
          store.entries.set(key, entry);
        }
        return entry;
      })
      .finally(() => {
        if (store.pending.get(key) === rendering) store.pending.delete(key);
      });
    pending = rendering;
    store.pending.set(key, pending);
  }
  // Just expired: the crowd keeps getting the last copy while one request renders the next, so a
  // slow render never stalls every connection at once. Older than that, wait for the render.
  if (hit && age < PAGE_MICRO_CACHE_MS + PAGE_STALE_WHILE_RENDERING_MS) {
    pending.catch(() => {});
    send(response, hit, secret, 'stale', audience);
    return true;
  }
  send(response, await pending, secret, 'miss', audience);
  return true;
}

export function newRenderNonceSecret(): string {
  return randomBytes(32).toString('base64url');
}
