// While `npm start` stops, the runner is stopped last but Ctrl-C reaches it first (the whole
// process group gets the signal): a held supervisor neither restarts a child that exits nor says
// it will. A fake child, no processes.
import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import { superviseProcess, type SupervisedChild } from '../../../scripts/lib/supervise-process';

class FakeChild extends EventEmitter implements SupervisedChild {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  kill() {
    return true;
  }
}

it('a held supervisor does not restart a child that exits, and says it exited while stopping', () => {
  const started: FakeChild[] = [];
  const lines: string[] = [];
  const timers: (() => void)[] = [];
  const supervisor = superviseProcess({
    name: 'runner',
    log: (line) => lines.push(line),
    start: () => {
      const child = new FakeChild();
      started.push(child);
      return child;
    },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {},
  });
  supervisor.hold();
  started[0]!.exitCode = 0;
  started[0]!.emit('exit', 0, null);
  expect(timers).toEqual([]);
  expect(started).toHaveLength(1);
  expect(lines).toEqual(['the runner exited (code 0) while stopping']);
  expect(supervisor.restarts()).toBe(0);
});
