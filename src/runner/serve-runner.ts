// The runner's socket: grade requests from workers (with the shared token) go to a pool of grading
// processes (src/worker/create-grader-pool.ts, the same pool the worker used to own), at most
// `concurrency` at a time; the rest wait their turn. One request per connection, one reply line.
// The runner holds no database connection and no secret but its token: a jail that escaped into
// it finds nothing to steal (docs/decisions/015-runner-without-secrets.md).
import { chmod, rm } from 'node:fs/promises';
import net from 'node:net';
import { infraErrorResult } from '@/grading/grade-answer';
import { hasLimitHits, LIMIT_NAMES, onSandboxLimitHits, type LimitHits } from '@/grading/sandbox/sandbox-events';
import { GraderCrashError, type GraderPool } from '@/worker/create-grader-pool';
import { MAX_LIMIT_HITS } from '@/worker/grader-messages';
import { MAX_LINE_BYTES, RunnerRequestSchema, tokenMatches, type RunnerAddress, type RunnerReply } from './runner-protocol';
import { errorMessage } from '@/lib/error-message';

export type RunnerServer = {
  address: RunnerAddress;
  // Stops taking connections; grading in hand gets `graceMs` to finish.
  close(graceMs: number): Promise<void>;
};

export async function serveRunner({
  address,
  token,
  pool,
  concurrency,
  log,
}: {
  address: RunnerAddress;
  token: string;
  pool: Pick<GraderPool, 'grade'>;
  concurrency: number;
  log: (line: string, fields?: Record<string, unknown>) => void;
}): Promise<RunnerServer> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const inFlight = new Set<Promise<void>>();
  const sockets = new Set<net.Socket>();
  // The limit hits of this runner's sandbox runs (its grading processes report them through the
  // pool) not yet sent: the runner exports no metrics, so they ride on the next result or crash
  // reply, whichever request it answers (a warm jail's run may end between gradings), and the
  // worker or web process that reads it counts them. At most MAX_LIMIT_HITS a name per reply; the
  // rest wait for the next one. Hits a runner client relayed into this process are not ours.
  const pending: LimitHits = {};
  const stopCounting = onSandboxLimitHits((hits, { relayed }) => {
    if (relayed) return;
    for (const name of LIMIT_NAMES) pending[name] = (pending[name] ?? 0) + (hits[name] ?? 0);
  });
  function takeLimitHits(): LimitHits | undefined {
    const taken: LimitHits = {};
    for (const name of LIMIT_NAMES) {
      const count = pending[name] ?? 0;
      if (count <= 0) continue;
      taken[name] = Math.min(count, MAX_LIMIT_HITS);
      pending[name] = count - taken[name];
    }
    return hasLimitHits(taken) ? taken : undefined;
  }

  async function withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  // `wanted`: whether the sender still waits for the reply. One that gave up while its request
  // waited for a slot (its own timeout, a web process answering a run "busy") is not graded: the
  // grading would take a slot from those still waiting, and nobody would read its result.
  async function answer(line: string, wanted: () => boolean): Promise<RunnerReply | null> {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return { type: 'refused', message: 'The request is not JSON.' };
    }
    const parsed = RunnerRequestSchema.safeParse(raw);
    if (!parsed.success) return { type: 'refused', message: 'The request is not a runner request.' };
    if (!tokenMatches(parsed.data.token, token)) return { type: 'refused', message: 'Wrong runner token.' };
    if (parsed.data.type === 'ping') return { type: 'pong', concurrency };
    const request = parsed.data.request;
    return withSlot(async () => {
      if (!wanted()) {
        log('dropped a request whose sender hung up while it waited');
        return null;
      }
      try {
        return { type: 'result', result: await pool.grade(request) };
      } catch (error) {
        if (error instanceof GraderCrashError) return { type: 'crash', kind: error.kind, message: error.message.slice(0, 10_000), gradedVersion: error.gradedVersion.slice(0, 1_000) };
        // The pool could not start a grading process: ours, so the worker retries.
        const message = `The runner could not grade: ${errorMessage(error)}`;
        return { type: 'result', result: infraErrorResult({ message, gradedVersion: '' }) };
      }
    });
  }

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let handled = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (handled) return;
      buffer += chunk;
      if (buffer.length > MAX_LINE_BYTES) {
        handled = true;
        socket.end(`${JSON.stringify({ type: 'refused', message: 'The request is too large.' })}\n`);
        return;
      }
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      handled = true;
      const work = answer(buffer.slice(0, end), () => !socket.destroyed).then((reply) => {
        if (reply?.type === 'refused') log('refused a request', { reason: reply.message });
        if (reply === null || socket.destroyed) return;
        // Taken only now: when the worker has hung up, the counts wait for another reply.
        const sent = reply.type === 'result' || reply.type === 'crash' ? { ...reply, limitHits: takeLimitHits() } : reply;
        socket.end(`${JSON.stringify(sent)}\n`);
      });
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    });
  });

  if ('path' in address) await rm(address.path, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if ('path' in address) server.listen(address.path, () => resolve());
    else server.listen(address.port, address.host, () => resolve());
  }).catch((error: unknown) => {
    stopCounting();
    throw error;
  });
  // Only the runner's own user (and root) may connect; the token is the second lock.
  if ('path' in address) await chmod(address.path, 0o600);

  return {
    address,
    close: async (graceMs) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await closed;
      stopCounting();
    },
  };
}
