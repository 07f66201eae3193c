// `npm start` keeps the grading worker alive: a worker that exits is started again after a backoff
// that doubles with quick deaths and resets after a healthy run, and stopping asks it to stop
// (SIGTERM, then SIGKILL) without starting another. A fake child and a fake clock: no processes.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { superviseProcess, type SupervisedChild } from '../../../scripts/lib/supervise-process';

class FakeChild extends EventEmitter implements SupervisedChild {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  signals: string[] = [];
  kill(signal: NodeJS.Signals = 'SIGTERM') {
    this.signals.push(signal);
    return true;
  }
  die(code: number | null, signal: NodeJS.Signals | null = null) {
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }
}

function harness(options: { healthyAfterMs?: number } = {}) {
  let clock = 0;
  const timers: { fn: () => void; at: number; id: number }[] = [];
  let nextId = 0;
  const children: FakeChild[] = [];
  const lines: string[] = [];
  const supervisor = superviseProcess({
    name: 'grading worker',
    log: (line) => lines.push(line),
    start: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    initialDelayMs: 1_000,
    maxDelayMs: 8_000,
    healthyAfterMs: options.healthyAfterMs ?? 60_000,
    stopTimeoutMs: 5_000,
    now: () => clock,
    setTimer: (fn, ms) => {
      const timer = { fn, at: clock + ms, id: ++nextId };
      timers.push(timer);
      return timer.id;
    },
    clearTimer: (id) => {
      const at = timers.findIndex((t) => t.id === id);
      if (at >= 0) timers.splice(at, 1);
    },
  });
  // Moves the clock and runs the timers that fall due; returns the delays that were scheduled.
  const advance = (ms: number) => {
    clock += ms;
    for (let due = timers.find((t) => t.at <= clock); due; due = timers.find((t) => t.at <= clock)) {
      timers.splice(timers.indexOf(due), 1);
      due.fn();
    }
  };
  const pendingDelay = () => (timers[0] ? timers[0].at - clock : null);
  return { supervisor, children, lines, advance, pendingDelay };
}

describe('superviseProcess', () => {
  it('restarts a worker that dies, with a backoff that doubles on quick deaths up to the cap', () => {
    const { supervisor, children, lines, advance, pendingDelay } = harness();
    expect(children).toHaveLength(1);
    const delays: (number | null)[] = [];
    for (let i = 0; i < 5; i++) {
      children.at(-1)!.die(1);
      delays.push(pendingDelay());
      advance(pendingDelay()!);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(children).toHaveLength(6);
    expect(supervisor.current()).toBe(children.at(-1));
    expect(supervisor.restarts()).toBe(5);
    expect(lines[0]).toBe('the grading worker exited (code 1); starting it again in 1.0 s');
  });

  it('starts the backoff over after a run that lasted long enough to count as healthy', () => {
    const { children, advance, pendingDelay } = harness({ healthyAfterMs: 10_000 });
    children.at(-1)!.die(1);
    advance(1_000);
    children.at(-1)!.die(null, 'SIGKILL');
    expect(pendingDelay()).toBe(2_000);
    advance(2_000);
    advance(30_000);
    children.at(-1)!.die(1);
    expect(pendingDelay()).toBe(1_000);
  });

  it('stops: SIGTERM to the running worker, SIGKILL if it lingers, and no restart afterwards', async () => {
    const { supervisor, children, advance, pendingDelay } = harness();
    const stopped = supervisor.stop();
    const child = children[0]!;
    expect(child.signals).toEqual(['SIGTERM']);
    advance(5_000);
    expect(child.signals).toEqual(['SIGTERM', 'SIGKILL']);
    child.die(null, 'SIGKILL');
    await stopped;
    expect(pendingDelay()).toBeNull();
    expect(children).toHaveLength(1);
  });

  it('does not start a worker whose restart was pending when stopped', async () => {
    const { supervisor, children, advance } = harness();
    children[0]!.die(1);
    await supervisor.stop();
    advance(60_000);
    expect(children).toHaveLength(1);
  });
});
