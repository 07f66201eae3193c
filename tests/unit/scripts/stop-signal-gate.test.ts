// Ctrl-C under `npm start` reaches a worker as the terminal's SIGINT and npm start's SIGTERM: one
// stop, not a forced exit. The same signal twice forces it.
import { expect, it } from 'vitest';
import { createStopSignalGate } from '../../../scripts/lib/stop-signal-gate';

it('stops on the first signal, keeps stopping on the other kind, and forces an exit on a repeat', () => {
  const ctrlC = createStopSignalGate();
  expect(ctrlC('SIGINT')).toBe('stop');
  expect(ctrlC('SIGTERM')).toBe('already-stopping');
  expect(ctrlC('SIGINT')).toBe('force');

  const terminated = createStopSignalGate();
  expect(terminated('SIGTERM')).toBe('stop');
  expect(terminated('SIGTERM')).toBe('force');
});
