// Keeps a child process running: when it exits without being asked to, it is started again after
// a backoff that doubles with each quick death (1 s, 2 s, 4 s … capped) and resets once a run has
// lasted `healthyAfterMs`. `npm start` runs the grading worker under it, so a worker that dies is
// replaced and the web server keeps serving. Timers and the clock are injectable for tests.
import type { EventEmitter } from 'node:events';

export type SupervisedChild = EventEmitter & {
  exitCode: number | null;
  signalCode: NodeJS.Signals | null;
  kill(signal?: NodeJS.Signals): boolean;
};

export type SuperviseOptions<C extends SupervisedChild> = {
  name: string;
  start: () => C;
  log: (line: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  healthyAfterMs?: number;
  // How long a child asked to stop gets before SIGKILL.
  stopTimeoutMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
};

// `hold` ends the restarts without stopping the child: a supervisor that stops its children in an
// order (workers before the runner they send work to) holds the later ones at once, so one that
// exits by itself meanwhile (Ctrl-C reaches the whole process group) is not started again.
export type Supervisor<C> = { current: () => C | null; restarts: () => number; hold: () => void; stop: () => Promise<void> };

export function superviseProcess<C extends SupervisedChild>(options: SuperviseOptions<C>): Supervisor<C> {
  const {
    name,
    start,
    log,
    initialDelayMs = 1_000,
    maxDelayMs = 30_000,
    healthyAfterMs = 60_000,
    stopTimeoutMs = 15_000,
    now = Date.now,
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (timer) => clearTimeout(timer as NodeJS.Timeout),
  } = options;
  let child: C | null = null;
  let stopping = false;
  let quickDeaths = 0;
  let restarts = 0;
  let pending: unknown = null;

  function launch() {
    pending = null;
    const startedAt = now();
    const next = start();
    child = next;
    next.once('exit', (code: number | null, signal: NodeJS.Signals | null) => {
      if (child === next) child = null;
      if (stopping) {
        log(`the ${name} exited (${signal ? `signal ${signal}` : `code ${code}`}) while stopping`);
        return;
      }
      quickDeaths = now() - startedAt >= healthyAfterMs ? 0 : quickDeaths + 1;
      const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, quickDeaths - 1));
      log(`the ${name} exited (${signal ? `signal ${signal}` : `code ${code}`}); starting it again in ${(delay / 1000).toFixed(1)} s`);
      restarts++;
      pending = setTimer(launch, delay);
    });
  }

  const hold = () => {
    stopping = true;
    if (pending !== null) clearTimer(pending);
    pending = null;
  };

  launch();
  return {
    current: () => child,
    restarts: () => restarts,
    hold,
    stop: () => {
      hold();
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const force = setTimer(() => running.kill('SIGKILL'), stopTimeoutMs);
        running.once('exit', () => {
          clearTimer(force);
          resolve();
        });
        running.kill('SIGTERM');
      });
    },
  };
}
