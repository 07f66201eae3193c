// How many requests the web server lets into Next.js at once, and in what order the rest go in.
// When the one web process is saturated, every request it has accepted shares its CPU: with 200
// candidates' reads in flight, a submit waited seconds behind them (bench:load, submit p99 2.4 s).
// A bounded number in flight, with the rest queued by priority, keeps what a person is waiting on
// (a submit, a page they asked for) ahead of what can wait (a signed-in page's own parts, which
// fill in after the page shows). Work that is cheap or must never wait skips the gate entirely
// (see classify-request.ts). See docs/decisions/022.
export type QueuedClass = 'page' | 'personal';
const ORDER: readonly QueuedClass[] = ['page', 'personal'];

export type AdmissionGate = {
  // Resolves with a release function once the request may go in; rejects with GateFullError when
  // the queue is full, or GateLeftError when `signal` aborts while it waits (the client left).
  enter: (kind: QueuedClass, signal?: AbortSignal) => Promise<() => void>;
  stats: () => { inFlight: number; queued: Record<QueuedClass, number> };
};

export class GateFullError extends Error {}
export class GateLeftError extends Error {}

type Waiter = { admit: () => void; signal?: AbortSignal; onAbort?: () => void };

export function createAdmissionGate({ maxInFlight, maxQueued }: { maxInFlight: number; maxQueued: number }): AdmissionGate {
  let inFlight = 0;
  const queues: Record<QueuedClass, Waiter[]> = { page: [], personal: [] };
  const queuedCount = () => queues.page.length + queues.personal.length;

  const releaseOne = () => {
    inFlight--;
    for (const kind of ORDER) {
      const next = queues[kind].shift();
      if (next) {
        if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
        inFlight++;
        next.admit();
        return;
      }
    }
  };
  // A release function that works once, whatever calls it twice (finish and close both fire).
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      releaseOne();
    };
  };

  return {
    enter(kind, signal) {
      if (signal?.aborted) return Promise.reject(new GateLeftError());
      if (inFlight < maxInFlight) {
        inFlight++;
        return Promise.resolve(releaser());
      }
      if (queuedCount() >= maxQueued) return Promise.reject(new GateFullError());
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { admit: () => resolve(releaser()), signal };
        if (signal) {
          waiter.onAbort = () => {
            const queue = queues[kind];
            const at = queue.indexOf(waiter);
            if (at !== -1) queue.splice(at, 1);
            reject(new GateLeftError());
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queues[kind].push(waiter);
      });
    },
    stats: () => ({ inFlight, queued: { page: queues.page.length, personal: queues.personal.length } }),
  };
}
