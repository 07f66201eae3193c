// Starts the worker's metrics server when WORKER_METRICS_PORT is set; returns how to stop it.
import { env } from '@/server/env';
import { serveWorkerMetrics } from './serve-worker-metrics';

export async function startWorkerMetrics({ log }: { log: (line: string) => void }): Promise<() => Promise<void>> {
  if (env.WORKER_METRICS_PORT === undefined) return async () => {};
  const server = await serveWorkerMetrics({ port: env.WORKER_METRICS_PORT, token: env.METRICS_TOKEN });
  log(`metrics on http://0.0.0.0:${server.port}/metrics${env.METRICS_TOKEN ? ' (bearer token required)' : ''}`);
  return server.close;
}
