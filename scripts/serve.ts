// The web server: Next.js behind a plain Node HTTP server, so every request carries the socket's
// peer address in a header only this server writes (any copy a client sends is overwritten).
// Next.js does not expose the socket to route handlers; src/server/client-address.ts reads this
// header (and X-Forwarded-For only through TRUSTED_PROXY_HOPS) for sign-in throttling.
// Usage: `node --import tsx scripts/serve.ts [--dev]`; PORT (default 3000).
import { createServer } from 'node:http';
import next from 'next';
import { SOCKET_ADDRESS_HEADER } from '../src/server/client-address';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev, dir: process.cwd(), port });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((request, response) => {
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
  void handle(request, response);
});
server.listen(port, () => console.log(`[rehearse] web server listening on port ${port}${dev ? ' (development)' : ''}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; the parent waits at most 10 s anyway.
    server.closeAllConnections();
  });
}
