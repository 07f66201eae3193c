// The grading process's side of the channel: grade what the worker sends, one request at a time,
// and prove the event loop is alive with a tick. Any uncaught exception or unhandled rejection is
// reported and ends the process: its state can no longer be trusted, and the worker blames the job
// in hand (a poison answer) and starts a fresh process.
import type { GradeResult } from '@/grading/contract';
import { GRADER_TICK_MS, GRADER_TMPDIR_ENV, type GradeMessage, type GraderMessage } from './grader-messages';
import { errorMessage } from '@/lib/error-message';

export function serveGrader(grade: (request: unknown) => Promise<GradeResult>): void {
  const send = (message: GraderMessage) => process.send?.(message);
  // os.tmpdir() reads TMPDIR at each call: the sandbox's run dirs land in this process's own dir.
  const tmpDir = process.env[GRADER_TMPDIR_ENV];
  if (tmpDir) process.env.TMPDIR = tmpDir;
  const fatal = (kind: string, error: unknown) => {
    const message = `${kind}: ${errorMessage(error)}`.slice(0, 2_000);
    try {
      send({ type: 'fatal', message });
    } finally {
      // Let the message leave before exiting; exit anyway if the channel is stuck.
      setTimeout(() => process.exit(70), 50).unref();
      process.disconnect?.();
    }
  };
  process.on('uncaughtException', (error) => fatal('uncaught exception', error));
  process.on('unhandledRejection', (error) => fatal('unhandled rejection', error));
  // The worker is gone: nobody is waiting for a result.
  process.on('disconnect', () => process.exit(0));
  setInterval(() => send({ type: 'tick' }), GRADER_TICK_MS);
  process.on('message', (raw: GradeMessage) => {
    if (raw?.type !== 'grade') return;
    void grade(raw.request).then((result) => send({ type: 'result', id: raw.id, result }));
  });
  send({ type: 'ready' });
}
