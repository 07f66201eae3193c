// The worker's own event loop has a watchdog: frozen for longer than its limit, the process is
// killed (so `npm start` restarts it and its leases expire to other workers); busy but turning, it
// is left alone. Real processes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const SCRIPT = path.join(import.meta.dirname, 'support', 'frozen-main-loop.ts');

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
}

it('kills a process whose main event loop froze', { timeout: 60_000 }, async () => {
  const { signal, output } = await run([]);
  expect(output).toContain('freezing');
  expect(signal).toBe('SIGKILL');
  expect(output).toMatch(/watchdog: the event loop has not turned for \d+ ms; killing the worker/);
});

it('leaves a busy process alone while its loop keeps turning, and does not keep it alive', { timeout: 60_000 }, async () => {
  const { code, signal, output } = await run(['busy-but-alive']);
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(output).toContain('done');
  expect(output).not.toContain('watchdog');
});
