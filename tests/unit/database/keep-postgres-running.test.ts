// The keeper around a stand-in database (the real one: tests/integration/database/
// keep-postgres-running.test.ts). A Ctrl-C that lands while a restart is under way stops the
// Postgres being started as well (the signal reaches the whole process group), so that restart
// fails: expected, and not to be logged as a failure with a retry that will never come.
import { describe, expect, it } from 'vitest';
import { keepPostgresRunning } from '@/server/database/keep-postgres-running';

describe('keepPostgresRunning', () => {
  it('says nothing of a restart that fails after it was told to stop', async () => {
    const lines: string[] = [];
    let failStart: (error: Error) => void = () => {};
    let restartCalled: () => void = () => {};
    const restarted = new Promise<void>((resolve) => (restartCalled = resolve));
    const keeper = keepPostgresRunning(
      {
        port: 5432,
        isRunning: () => false,
        restart: () => {
          restartCalled();
          return new Promise<void>((_, reject) => (failStart = reject));
        },
      },
      { log: (line) => lines.push(line), intervalMs: 5 },
    );
    await restarted;
    const stopped = keeper.stop();
    failStart(new Error('The embedded Postgres did not start again: the database system is shutting down'));
    await stopped;
    expect(lines).toEqual(['the embedded Postgres is no longer running; starting it again on the same data (port 5432)']);
  });
});
