// The grader's end of the Python runner's channel: collects what the function returned or raised
// for each input. Two reports for one input mean the answer wrote to the channel itself; that
// test is then an error rather than whichever report came first.
import type { Duplex } from 'node:stream';
import { readJsonLines } from '../read-json-lines';

export type PythonReport = {
  ok: boolean;
  type?: string;
  value?: boolean | null;
  repr?: string;
  error?: string;
  traceback?: string;
  timedOut?: boolean;
  stdout: string;
  stderr: string;
};

export type PythonOutcome = {
  hello: boolean;
  fatal: { kind: 'syntax' | 'import_error' | 'missing'; message: string; output: string } | null;
  results: Map<number, PythonReport | 'conflict'>;
  skipped: Set<number>;
  done: boolean;
  protocolError: string | null;
};

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function createPythonSession() {
  const outcome: PythonOutcome = { hello: false, fatal: null, results: new Map(), skipped: new Set(), done: false, protocolError: null };
  function onMessage(message: Record<string, unknown>) {
    const index = typeof message.i === 'number' ? message.i : -1;
    switch (message.t) {
      case 'hello':
        outcome.hello = true;
        return;
      case 'syntax':
      case 'import_error':
      case 'missing':
        outcome.fatal ??= { kind: message.t, message: str(message.message), output: `${str(message.stdout)}${str(message.stderr)}` };
        return;
      case 'result': {
        const report: PythonReport = {
          ok: message.ok === true,
          type: str(message.type),
          value: typeof message.value === 'boolean' ? message.value : null,
          repr: str(message.repr),
          error: str(message.error),
          traceback: str(message.traceback),
          timedOut: message.timedOut === true,
          stdout: str(message.stdout),
          stderr: str(message.stderr),
        };
        outcome.results.set(index, outcome.results.has(index) ? 'conflict' : report);
        return;
      }
      case 'skipped':
        outcome.skipped.add(index);
        return;
      case 'done':
        outcome.done = true;
        return;
      default:
        // The candidate shares the runner's process and may write here; unknown messages are
        // ignored rather than treated as our failure.
        return;
    }
  }
  return {
    connect: (socket: Duplex) => readJsonLines(socket, onMessage, (problem) => (outcome.protocolError ??= problem)),
    outcome: () => outcome,
  };
}
