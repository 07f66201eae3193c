// Which requests wait at the admission gate (admission-gate.ts), and in which queue.
// - Straight in: writes (a submit, a sign-in: what a person just clicked), long-polls for a grade
//   (they hold a connection for up to 25 s but use no CPU while they wait), probes and metrics
//   (an orchestrator must see a busy server as alive, not restart it), static files, and the page
//   cache's own loopback renders (the reader they are for is already waiting; queueing them behind
//   the crowd they serve would only delay everyone).
// - 'personal': a signed-in page's own parts, which load after the page (decision 017): the
//   reader already sees the page, so these yield to it.
// - 'page': every other read (pages, navigations, the public API).
import type { QueuedClass } from './admission-gate';

export type RequestClass = 'now' | QueuedClass;

const READS = new Set(['GET', 'HEAD']);
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LONG_POLL = new RegExp(`^/api/attempts/${UUID}$`, 'i');
const PERSONAL = new RegExp(`^/api/(?:account|questions/statuses|questions/${UUID}/practice)$`, 'i');
const ALWAYS_IN = ['/api/health', '/api/ready', '/metrics'];

export function classifyRequest({ method, url, isLoopbackRender }: { method: string | undefined; url: string | undefined; isLoopbackRender: boolean }): RequestClass {
  if (!READS.has(method ?? 'GET') || isLoopbackRender) return 'now';
  const raw = url ?? '/';
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  if (path.startsWith('/_next/static/') || ALWAYS_IN.includes(path)) return 'now';
  if (LONG_POLL.test(path) && queryAt !== -1 && new URLSearchParams(raw.slice(queryAt + 1)).has('wait')) return 'now';
  return PERSONAL.test(path) ? 'personal' : 'page';
}
