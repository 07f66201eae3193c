// A watchdog for the worker's own event loop: a worker thread that kills the process when the main
// loop has not turned for `stallMs`. A frozen worker renews no lease, claims nothing and ignores
// SIGTERM; killed, it is restarted by `npm start` (scripts/lib/supervise-process.ts) and its jobs
// are re-claimed when their leases expire. Candidate-driven code runs in grading processes, so this
// is the net under everything else.
import { Worker } from 'node:worker_threads';

// Plain JavaScript: an eval'd worker does not go through tsx.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const beat = new BigInt64Array(workerData.buffer);
setInterval(() => {
  const silentMs = Date.now() - Number(Atomics.load(beat, 0));
  if (silentMs <= workerData.stallMs) return;
  writeSync(2, '[worker] watchdog: the event loop has not turned for ' + silentMs + ' ms; killing the worker so it can be restarted\\n');
  process.kill(workerData.pid, 'SIGKILL');
}, Math.min(1000, Math.max(50, Math.floor(workerData.stallMs / 4))));
`;

export function watchEventLoop({ stallMs }: { stallMs: number }): { stop: () => Promise<void> } {
  const buffer = new SharedArrayBuffer(8);
  const beat = new BigInt64Array(buffer);
  const touch = () => Atomics.store(beat, 0, BigInt(Date.now()));
  touch();
  const heartbeat = setInterval(touch, Math.min(500, Math.max(20, Math.floor(stallMs / 8))));
  heartbeat.unref();
  const thread = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { buffer, stallMs, pid: process.pid } });
  thread.unref();
  return {
    stop: async () => {
      clearInterval(heartbeat);
      await thread.terminate();
    },
  };
}
