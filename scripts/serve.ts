// The web server: Next.js behind a plain Node HTTP server, so that
// - every request carries the socket's peer address in a header only this server writes (any
//   copy a client sends is overwritten). Next.js does not expose the socket to route handlers;
//   src/server/client-address.ts reads this header (and X-Forwarded-For only through
//   TRUSTED_PROXY_HOPS) for sign-in throttling;
// - a path with malformed percent-encoding (`/questions/%ff`) reaches the app as the literal
//   text it is, and gets the app's 404, instead of failing inside Next.js with a 500.
// - anonymous views of the public pages are served from a one-second page cache with a fresh CSP
//   nonce each (src/server/cache/page-micro-cache.ts, docs/decisions/017).
// - under load, a bounded number of reads are in Next.js at once and the rest queue by priority,
//   so a submit never waits behind a crowd's reads (src/server/admission, docs/decisions/022).
// - API clients get the API's JSON error shape where Next.js or Node would send an empty body: a
//   method a route does not take (405, with Allow), a method Next.js does not serve at all (TRACE,
//   PROPFIND…: 405 before Next.js sees it, where it would be a 500 or an empty 400) and a request
//   Node's parser refuses (431 for headers too large, 400, 408, 413) (src/server/web-server).
// - a server action (a POST to a page) from another site, or with an Origin that does not parse,
//   gets the API's 403 instead of the 500 Next.js answers it with.
// - an admin's change made through another web process (another replica) or a CLI import drops
//   this process's cached pages and reads at once (src/server/cache/catalog-changes.ts).
// Usage: `node --import tsx scripts/serve.ts [--dev]`; PORT (default 3000).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { onServerError } from './lib/on-server-error';
import { createRequestAdmission } from '../src/server/admission/admit-request';
import { newRenderNonceSecret, RENDER_NONCE_HEADER, renderNonceSecret, serveFromPageMicroCache } from '../src/server/cache/page-micro-cache';
import { forgetCatalogCopies } from '../src/server/cache/catalog-changes';
import { listenCatalogChanges } from '../src/server/cache/listen-catalog-changes';
import { SOCKET_ADDRESS_HEADER } from '../src/server/client-address';
import { env } from '../src/server/env';
import { answerClientError } from '../src/server/web-server/answer-client-error';
import { answerMethodNotAllowed } from '../src/server/web-server/answer-method-not-allowed';
import { dropUnusableCallbackUrl } from '../src/server/web-server/drop-unusable-callback-url';
import { refusePagePost } from '../src/server/web-server/refuse-page-post';
import { refuseUnsupportedMethod } from '../src/server/web-server/refuse-unsupported-method';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev, dir: process.cwd(), port, ...(dev ? { turbopack: true } : {}) });
const handle = app.getRequestHandler();
// The page cache's placeholder nonce; production only (development renders every request).
if (!dev && process.env.PAGE_CACHE !== 'off') process.env.REHEARSE_RENDER_NONCE = newRenderNonceSecret();

// `/a/%ff?x` -> `/a/%25ff?x` when the path does not decode; the query is left to the app.
function escapeUndecodablePath(url: string): string {
  const queryAt = url.search(/[?#]/);
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    return path.replaceAll('%', '%25') + (queryAt === -1 ? '' : url.slice(queryAt));
  }
}

const admit = createRequestAdmission({
  maxInFlight: env.WEB_MAX_IN_FLIGHT,
  maxQueued: env.WEB_MAX_QUEUED,
  isLoopbackRender: (request) => {
    const secret = renderNonceSecret();
    return secret !== undefined && request.headers[RENDER_NONCE_HEADER] === secret;
  },
});
const admitAndHandle = (request: IncomingMessage, response: ServerResponse) => admit(request, response, () => handle(request, response));

await app.prepare();
if (process.env.DATABASE_URL) listenCatalogChanges({ databaseUrl: process.env.DATABASE_URL, onChange: forgetCatalogCopies });
const server = createServer((request, response) => {
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
  if (request.url) request.url = escapeUndecodablePath(request.url);
  dropUnusableCallbackUrl(request);
  if (refuseUnsupportedMethod(request, response, port)) return;
  if (refusePagePost(request, response)) return;
  answerMethodNotAllowed(request, response, port);
  serveFromPageMicroCache(port, request, response).then(
    (served) => (served ? undefined : admitAndHandle(request, response)),
    (error: unknown) => {
      console.error('[rehearse] page cache failed; rendering directly:', error);
      if (!response.headersSent) void admitAndHandle(request, response);
    },
  );
});
server.on('clientError', answerClientError);
// A port it cannot have ends this process with a message; a failed accept once listening is logged
// and it goes on serving (scripts/lib/on-server-error.ts).
onServerError(server, port);
// Development's hot reload talks over WebSocket upgrades.
if (dev) server.on('upgrade', app.getUpgradeHandler());
server.listen(port, () => console.log(`[rehearse] web server listening on port ${port}${dev ? ' (development)' : ''}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; the parent waits at most 10 s anyway.
    server.closeAllConnections();
  });
}
