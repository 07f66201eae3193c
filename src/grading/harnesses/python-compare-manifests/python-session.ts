// The grader's end of the Python runner's channel. The grader drives: it waits for the answer to
// load, then sends one input at a time under a random call id and waits for the result with that
// id. Everything from the jail is validated here (zod, capped strings); a message that is not the
// answer to the call in flight is ignored, so nothing said early, late or twice speaks for a test.
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { readJsonLines } from '../read-json-lines';

const text = (max: number) => z.string().catch('').transform((value) => value.slice(0, max));

const ReportSchema = z.object({
  ok: z.boolean().catch(false),
  type: text(100).optional(),
  value: z.boolean().nullable().catch(null).optional(),
  repr: text(300).optional(),
  error: text(300).optional(),
  traceback: text(8192).optional(),
  timedOut: z.boolean().catch(false).optional(),
  crashed: z.boolean().catch(false).optional(),
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

export type LoadOutcome = { kind: 'ready' } | { kind: 'fatal'; fatal: PythonFatal } | { kind: 'closed' };

export function createPythonSession() {
  let socket: Duplex | null = null;
  let hello = false;
  let closed = false;
  let load: LoadOutcome | null = null;
  let waiter: { id: string | null; resolve: () => void } | null = null;
  let answer: { id: string; report: PythonReport } | null = null;

  const wake = () => {
    const current = waiter;
    waiter = null;
    current?.resolve();
  };

  function onMessage(message: Record<string, unknown>) {
    if (message.t === 'hello') {
      hello = true;
      return;
    }
    if (message.t === 'ready' && !load) load = { kind: 'ready' };
    else if (!load && (message.t === 'syntax' || message.t === 'import_error' || message.t === 'missing')) {
      const fatal = FatalSchema.safeParse(message);
      if (fatal.success) load = { kind: 'fatal', fatal: { kind: fatal.data.t, message: fatal.data.message, output: fatal.data.output ?? '' } };
    } else if (message.t === 'result' && waiter?.id && message.id === waiter.id) {
      answer = { id: waiter.id, report: ReportSchema.parse(message) };
    } else return;
    wake();
  }

  // Until the awaited message, the jail's end, or (when given) the timeout.
  const wait = (id: string | null, timeoutMs: number | null) =>
    new Promise<void>((resolve) => {
      const timer =
        timeoutMs === null
          ? null
          : setTimeout(() => {
              waiter = null;
              resolve();
            }, timeoutMs);
      waiter = {
        id,
        resolve: () => {
          if (timer) clearTimeout(timer);
          resolve();
        },
      };
    });

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
    // The answer loaded (or why not), or the jail ended first (the wall limit bounds the wait).
    async loaded(): Promise<LoadOutcome> {
      if (!load && !closed) await wait(null, null);
      return load ?? { kind: 'closed' };
    },
    // One call: the result the runner reported for it, or null (no answer in time, or the jail ended).
    async call(args: unknown[], timeoutMs: number): Promise<PythonReport | null> {
      if (closed || !socket) return null;
      const id = randomBytes(12).toString('hex');
      answer = null;
      socket.write(`${JSON.stringify({ t: 'call', id, args })}\n`);
      await wait(id, timeoutMs);
      const got: { id: string; report: PythonReport } | null = answer;
      return got && got.id === id ? got.report : null;
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
