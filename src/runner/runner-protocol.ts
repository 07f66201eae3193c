// What the worker and the runner say to each other over the runner's socket (a Unix socket, or TCP
// when they live in different pods): one JSON line per request on its own connection, one JSON line
// back. Every request carries the shared token; the runner answers nothing else to a stranger.
// The worker treats a reply as hostile data (the runner relays what came out of jails), so it is
// parsed here before anyone believes it (docs/decisions/015-runner-without-secrets.md).
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { GradeResultSchema } from '@/grading/contract';
import { LimitHitsSchema } from '@/worker/grader-messages';

// A request line (an answer plus its rubric or harness ref) or a reply line (a capped result).
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export const RunnerRequestSchema = z.discriminatedUnion('type', [
  // Is the runner up and past its self-checks?
  z.object({ type: z.literal('ping'), token: z.string().max(1_000) }),
  z.object({ type: z.literal('grade'), token: z.string().max(1_000), request: z.unknown() }),
]);
export type RunnerRequest = z.infer<typeof RunnerRequestSchema>;

// The limit hits of the runner's sandbox runs since its last reply (grader-messages.ts), which the
// worker counts in its own metrics: the runner exports none. Optional, so a reply from a runner of
// the previous release still parses during a rolling update; a field that does not parse is
// dropped (nothing counted) rather than costing the result.
const RelayedLimitHitsSchema = LimitHitsSchema.optional().catch(undefined);

export const RunnerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pong'), concurrency: z.number().int().positive() }),
  z.object({ type: z.literal('result'), result: GradeResultSchema, limitHits: RelayedLimitHitsSchema }),
  // The grading process died or froze on this answer: the worker counts it against the job
  // (docs/decisions/007), exactly as when the pool lived in the worker.
  z.object({ type: z.literal('crash'), kind: z.enum(['crashed', 'stalled']), message: z.string().max(10_000), gradedVersion: z.string().max(1_000), limitHits: RelayedLimitHitsSchema }),
  // A bad token or a malformed request: the runner's answer to a stranger.
  z.object({ type: z.literal('refused'), message: z.string().max(2_000) }),
]);
export type RunnerReply = z.infer<typeof RunnerReplySchema>;

// `unix:/abs/path.sock` (one machine) or `tcp://host:port` (a runner Service in Kubernetes).
export type RunnerAddress = { path: string } | { host: string; port: number };

export function parseRunnerUrl(url: string): RunnerAddress {
  if (url.startsWith('unix:')) {
    const socketPath = url.slice('unix:'.length).replace(/^\/\/(?=\/)/, '');
    if (!socketPath.startsWith('/')) throw new Error(`RUNNER_URL ${url}: a Unix socket path must be absolute (unix:/path/to/runner.sock)`);
    return { path: socketPath };
  }
  const match = /^tcp:\/\/([^:/]+):(\d{1,5})$/.exec(url);
  if (match && Number(match[2]) > 0 && Number(match[2]) < 65_536) return { host: match[1]!, port: Number(match[2]) };
  throw new Error(`RUNNER_URL ${url} is neither unix:/path/to/runner.sock nor tcp://host:port`);
}

// Compares the token in constant time whatever its length.
export function tokenMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
