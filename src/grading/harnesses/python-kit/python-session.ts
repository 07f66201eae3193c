// The grader's end of the Python runner's channel. The grader drives: it waits for the answer to
// load, then sends a batch of inputs, each under a random call id, and collects the result for
// each id. Everything from the jail is validated here (zod, capped strings); a message that does
// not answer a call of the batch in flight is ignored, and only the first answer per id counts,
// so nothing said early, late or twice speaks for a test.
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { readJsonLines } from '../read-json-lines';

// Matches the runner's DATA_CAP: a longer value never leaves the child.
export const MAX_DATA_CHARS = 32_768;

const text = (max: number) => z.string().catch('').transform((value) => value.slice(0, max));

const ReportSchema = z.object({
  ok: z.boolean().catch(false),
  type: text(100).optional(),
  // The returned value as JSON text (plain data only), or why it could not be sent that way.
  data: text(MAX_DATA_CHARS).optional(),
  dataIssue: text(100).optional(),
  repr: text(300).optional(),
  error: text(300).optional(),
  traceback: text(8192).optional(),
  timedOut: z.boolean().catch(false).optional(),
  crashed: z.boolean().catch(false).optional(),
  // The runner's wall deadline ran out at its cap while the host kept the answer off the CPU: the
  // grading is ours to repeat. Whatever sends it, it can only make the grading an infra error.
  starved: z.boolean().catch(false).optional(),
  stdout: text(8192).catch(''),
  stderr: text(8192).catch(''),
});
export type PythonReport = z.infer<typeof ReportSchema>;

const FatalSchema = z.object({
  t: z.enum(['syntax', 'import_error', 'missing']),
  message: text(8192),
  output: text(8192).optional(),
});
export type PythonFatal = { kind: 'syntax' | 'import_error' | 'missing'; message: string; output: string };

// 'starved': importing the answer was kept off the CPU past the runner's stretched deadline.
export type LoadOutcome = { kind: 'ready' } | { kind: 'fatal'; fatal: PythonFatal } | { kind: 'starved' } | { kind: 'closed' };

export function createPythonSession() {
  let socket: Duplex | null = null;
  let hello = false;
  let closed = false;
  let load: LoadOutcome | null = null;
  let waiter: (() => void) | null = null;
  // The batch in flight: what each of its ids got so far.
  let inFlight: Map<string, PythonReport | 'skipped' | null> | null = null;
  let batchId: string | null = null;
  let batchDone = false;

  const wake = () => {
    const current = waiter;
    waiter = null;
    current?.();
  };

  function onMessage(message: Record<string, unknown>) {
    if (message.t === 'hello') {
      hello = true;
      return;
    }
    if (message.t === 'ready' && !load) load = { kind: 'ready' };
    else if (message.t === 'starved' && !load) load = { kind: 'starved' };
    else if (!load && (message.t === 'syntax' || message.t === 'import_error' || message.t === 'missing')) {
      const fatal = FatalSchema.safeParse(message);
      if (fatal.success) load = { kind: 'fatal', fatal: { kind: fatal.data.t, message: fatal.data.message, output: fatal.data.output ?? '' } };
    } else if ((message.t === 'result' || message.t === 'skipped') && typeof message.id === 'string' && inFlight?.get(message.id) === null) {
      inFlight.set(message.id, message.t === 'skipped' ? 'skipped' : ReportSchema.parse(message));
    } else if (message.t === 'batch_done' && inFlight && message.batch === batchId) batchDone = true;
    else return;
    wake();
  }

  // Until the next message that matters or the jail's end (the wall limit bounds the wait).
  const next = () => new Promise<void>((resolve) => (waiter = resolve));
  const settled = () => closed || batchDone || [...(inFlight?.values() ?? [])].every((value) => value !== null);

  return {
    connect(connection: Duplex) {
      socket = connection;
      readJsonLines(connection, onMessage, () => {});
      connection.on('close', () => {
        closed = true;
        wake();
      });
    },
    hasSaidHello: () => hello,
    // The answer loaded (or why not), or the jail ended first.
    async loaded(): Promise<LoadOutcome> {
      while (!load && !closed) await next();
      return load ?? { kind: 'closed' };
    },
    // One batch of calls: per input, the result the runner reported, 'skipped' (too many earlier
    // timeouts) or null (no answer: the jail ended).
    async batch(inputs: unknown[][]): Promise<(PythonReport | 'skipped' | null)[]> {
      if (closed || !socket) return inputs.map(() => null);
      const ids = inputs.map(() => randomBytes(12).toString('hex'));
      inFlight = new Map(ids.map((id) => [id, null]));
      batchId = randomBytes(12).toString('hex');
      batchDone = false;
      socket.write(`${JSON.stringify({ t: 'batch', batch: batchId, calls: ids.map((id, i) => ({ id, args: inputs[i] })) })}\n`);
      while (!settled()) await next();
      const got = inFlight;
      inFlight = null;
      return ids.map((id) => got.get(id) ?? null);
    },
    end() {
      if (socket && !closed) socket.end(`${JSON.stringify({ t: 'end' })}\n`);
    },
    // The jail is gone: nobody will answer.
    abort() {
      closed = true;
      wake();
    },
  };
}

export type PythonSession = ReturnType<typeof createPythonSession>;
