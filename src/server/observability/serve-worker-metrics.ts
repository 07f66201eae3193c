// The worker's own small HTTP server (WORKER_METRICS_PORT): GET /metrics (same token rule as the
// web's) and GET /healthz for a liveness probe. Nothing else is served.
import http from 'node:http';
import { isMetricsRequestAllowed } from './is-metrics-request-allowed';
import { renderMetrics } from './metrics';

export async function serveWorkerMetrics({ port, host = '0.0.0.0', token }: { port: number; host?: string; token?: string }): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const send = (status: number, body: string, type = 'application/json') => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(body);
    };
    const { pathname } = new URL(request.url ?? '/', 'http://worker');
    if (request.method !== 'GET') return send(405, JSON.stringify({ error: 'Only GET is served here.' }));
    if (pathname === '/healthz') return send(200, JSON.stringify({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
    if (pathname !== '/metrics') return send(404, JSON.stringify({ error: 'Try /metrics or /healthz.' }));
    if (token && !isMetricsRequestAllowed(request.headers.authorization, token)) {
      return send(401, JSON.stringify({ error: 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".' }));
    }
    renderMetrics().then(
      ({ contentType, body }) => send(200, body, contentType),
      () => send(500, JSON.stringify({ error: 'Could not render the metrics.' })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
