// Prometheus metrics of the web process and the worker, one registry per process. Other modules
// call the small hooks below (one line each); nothing here may throw into the code it observes.
// Kept on globalThis: Next.js may load this module once per route bundle and in dev per reload, and
// a metric registered twice is an error.
import client from 'prom-client';
import { limitHitsOf, onSandboxLimitHits, onSandboxRun, type LimitHits } from '@/grading/sandbox/sandbox-events';
import { readAdmissionStats, type AdmissionStats } from '../admission/admit-request';
import { getQueueStats } from './get-queue-stats';
import { logger } from './logger';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'rehearse_' });
  const m = {
    registry,
    httpDuration: new client.Histogram({
      name: 'rehearse_http_request_duration_seconds',
      help: 'API request duration by route, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: SECONDS,
      registers: [registry],
    }),
    attemptsSubmitted: new client.Counter({
      name: 'rehearse_attempts_submitted_total',
      help: 'Answers stored and queued for grading, by answer kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    gradingDuration: new client.Histogram({
      name: 'rehearse_grading_duration_seconds',
      help: 'Time to grade one job, by answer kind and result status',
      labelNames: ['kind', 'status'] as const,
      buckets: SECONDS,
      registers: [registry],
    }),
    gradingRetries: new client.Counter({
      name: 'rehearse_grading_retries_total',
      help: 'Grading jobs put back on the queue after a failure, by outcome (retrying, gave_up)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    infraErrors: new client.Counter({
      name: 'rehearse_grading_infra_errors_total',
      help: 'Grading failures that were ours (sandbox or material), not the candidate’s',
      registers: [registry],
    }),
    sandboxLimitHits: new client.Counter({
      name: 'rehearse_sandbox_limit_hits_total',
      help: 'Sandbox runs ended or capped by a limit (wall-time, cpu-time, memory, processes, starved, output), counted in the process that asked for the grading',
      labelNames: ['limit'] as const,
      registers: [registry],
    }),
    signInThrottles: new client.Counter({
      name: 'rehearse_sign_in_throttled_total',
      help: 'Sign-ins refused because of too many failures',
      registers: [registry],
    }),
  };
  const queue = {
    depth: new client.Gauge({ name: 'rehearse_queue_depth', help: 'Grading jobs due and waiting', registers: [registry] }),
    oldest: new client.Gauge({ name: 'rehearse_queue_oldest_due_seconds', help: 'Age of the oldest due grading job', registers: [registry] }),
    expired: new client.Gauge({ name: 'rehearse_queue_expired_leases', help: 'Running jobs whose worker let the lease expire', registers: [registry] }),
  };
  // The web server's admission gate (docs/decisions/022), read when scraped; in a process without
  // one (the worker) nothing is set: in-flight and refused read 0 and there are no queue lines.
  const admissionGauge = <L extends string>(name: string, help: string, labelNames: readonly L[], read: (gauge: client.Gauge<L>, stats: AdmissionStats) => void) =>
    new client.Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        const stats = readAdmissionStats();
        if (stats) read(this, stats);
      },
    });
  const admission = {
    inFlight: admissionGauge('rehearse_web_admission_in_flight', 'Reads the web server has let into Next.js and not yet answered (writes, long-polls and probes are not counted)', [], (gauge, stats) => gauge.set(stats.inFlight)),
    queued: admissionGauge('rehearse_web_admission_queued', 'Reads waiting at the web server for a place in Next.js, by class (page, personal)', ['class'], (gauge, stats) => {
      for (const [kind, count] of Object.entries(stats.queued)) gauge.set({ class: kind }, count);
    }),
    refused: admissionGauge('rehearse_web_admission_refused', 'Reads answered 503 because the admission queue was full, since the web server started', [], (gauge, stats) => gauge.set(stats.refused)),
  };
  // Sandbox runs happen in grading processes (the worker's or the web process's own, or a
  // runner's), which send their limit hits as data (src/grading/sandbox/sandbox-events.ts); a run
  // in this very process (tests) is counted by the same rule.
  const countLimitHits = (hits: LimitHits) => {
    for (const [limit, count] of Object.entries(hits)) if (count > 0) m.sandboxLimitHits.inc({ limit }, count);
  };
  onSandboxRun((result) => countLimitHits(limitHitsOf(result)));
  onSandboxLimitHits(countLimitHits);
  return { ...m, queue, admission };
}

type Metrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { rehearseMetrics?: Metrics };
export const metrics: Metrics = (globalForMetrics.rehearseMetrics ??= createMetrics());

// API routes by shape, not by value: ids and slugs would make one series per question, and
// made-up paths one each. `params` (the route's dynamic segments, as Next.js decoded them) name
// their segments (":id", ":slug"; a catch-all's run of segments is one ":name*"), so a label is
// made only of the route tree's own segments and parameter names. Without params (a caller that
// has none), ids, numbers and long segments become ":id".
export type RouteParams = Record<string, string | string[] | undefined>;

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function routeLabel(pathname: string, params: RouteParams = {}): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== '') names.set(v, Array.isArray(value) ? `:${name}*` : `:${name}`);
  }
  const parts = pathname
    .split('/')
    .map((part) => names.get(decoded(part)) ?? (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(part) || /^\d+$/.test(part) || part.length > 40 ? ':id' : part));
  return parts.filter((part, i) => !(part.endsWith('*') && parts[i - 1] === part)).join('/') || '/';
}

// Counts the submission and logs it with its ids (never the answer).
export function countAttemptSubmitted({ kind, attemptId, userId }: { kind: string; attemptId: string; userId: string }): void {
  metrics.attemptsSubmitted.inc({ kind: kind.toLowerCase() });
  logger.info({ attemptId, userId, kind: kind.toLowerCase() }, 'attempt submitted');
}

export function observeGrading(kind: string, status: string, durationMs: number): void {
  metrics.gradingDuration.observe({ kind: kind.toLowerCase(), status }, durationMs / 1000);
  if (status === 'infra_error') metrics.infraErrors.inc();
}

export function countGradingRetry(outcome: 'retrying' | 'gave_up' | 'lost'): void {
  metrics.gradingRetries.inc({ outcome });
}

export function countSignInThrottled(): void {
  metrics.signInThrottles.inc();
}

// The exposition text, with the queue gauges read from the database first (a failure leaves the
// last values and does not hide the other metrics).
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  try {
    const stats = await getQueueStats();
    metrics.queue.depth.set(stats.depth);
    metrics.queue.oldest.set(stats.oldestDueSeconds);
    metrics.queue.expired.set(stats.expiredLeases);
  } catch {
    // the database is down: /api/ready says so
  }
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
