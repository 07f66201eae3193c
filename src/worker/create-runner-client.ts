// The worker's side of the runner's socket (src/runner/runner-protocol.ts): sends one grade request
// per connection with the shared token and believes only a reply that parses. Three outcomes:
// - a result (the runner graded it, or says why it could not: infra_error, retried as usual);
// - GraderCrashError: a grading process in the runner died or froze on this answer, counted
//   against the job exactly as when the pool lived in the worker (docs/decisions/007);
// - RunnerUnavailableError: no runner, or it went away mid-grading. Not the answer's fault and not
//   a failed try: the worker hands the job back to the queue and waits for a runner.
// A result or crash reply may carry the limit hits of the runner's sandbox runs, reported here as
// this process's sandbox events (src/grading/sandbox/sandbox-events.ts) for its metrics.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { GradeResult } from '@/grading/contract';
import { reportSandboxLimitHits } from '@/grading/sandbox/sandbox-events';
import { MAX_LINE_BYTES, parseRunnerUrl, RunnerReplySchema, type RunnerReply } from '@/runner/runner-protocol';
import { GraderCrashError, requestVersion } from './create-grader-pool';

export class RunnerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunnerUnavailableError';
  }
}

export type RunnerClient = {
  url: string;
  grade(request: unknown): Promise<GradeResult>;
  // True when a runner answers with the right token (it only listens once its self-checks pass).
  ping(): Promise<boolean>;
};

// RUNNER_TOKEN, or RUNNER_TOKEN_FILE (what the runner itself reads).
export function readRunnerToken(env: NodeJS.ProcessEnv): string | null {
  if (env.RUNNER_TOKEN) return env.RUNNER_TOKEN.trim();
  if (env.RUNNER_TOKEN_FILE) return readFileSync(env.RUNNER_TOKEN_FILE, 'utf8').trim();
  return null;
}

export function createRunnerClient({ url, token, timeoutMs = 180_000 }: { url: string; token: string; timeoutMs?: number }): RunnerClient {
  const address = parseRunnerUrl(url);

  function exchange(message: object, waitMs: number): Promise<RunnerReply> {
    return new Promise((resolve, reject) => {
      const socket = 'path' in address ? net.connect(address.path) : net.connect(address.port, address.host);
      let buffer = '';
      let settled = false;
      const finish = (error: Error | null, reply?: RunnerReply) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve(reply!);
      };
      const timer = setTimeout(() => finish(new RunnerUnavailableError(`the runner at ${url} did not answer within ${Math.round(waitMs / 1000)} s`)), waitMs);
      socket.setEncoding('utf8');
      socket.on('connect', () => socket.write(`${JSON.stringify(message)}\n`));
      socket.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.length > MAX_LINE_BYTES) return finish(new Error('the runner sent a reply larger than allowed'));
        const end = buffer.indexOf('\n');
        if (end < 0) return;
        let raw: unknown;
        try {
          raw = JSON.parse(buffer.slice(0, end));
        } catch {
          return finish(new Error('the runner sent a reply that is not JSON'));
        }
        const parsed = RunnerReplySchema.safeParse(raw);
        if (!parsed.success) return finish(new Error(`the runner sent an invalid reply: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`));
        finish(null, parsed.data);
      });
      socket.on('error', (error) => finish(new RunnerUnavailableError(`could not reach the runner at ${url}: ${error.message}`)));
      socket.on('close', () => finish(new RunnerUnavailableError(`the runner at ${url} hung up before it replied`)));
    });
  }

  return {
    url,
    async grade(request) {
      const reply = await exchange({ type: 'grade', token, request }, timeoutMs);
      // The runner's sandbox runs, counted in this process's metrics (it exports none of its own).
      if ((reply.type === 'result' || reply.type === 'crash') && reply.limitHits) reportSandboxLimitHits(reply.limitHits, { relayed: true });
      if (reply.type === 'result') return reply.result;
      if (reply.type === 'crash') return Promise.reject(new GraderCrashError(reply.kind, reply.message, reply.gradedVersion || requestVersion(request)));
      throw new Error(reply.type === 'refused' ? `the runner refused the request: ${reply.message}` : `the runner answered ${reply.type} to a grade request`);
    },
    async ping() {
      try {
        return (await exchange({ type: 'ping', token }, 5_000)).type === 'pong';
      } catch {
        return false;
      }
    },
  };
}
