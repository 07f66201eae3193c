// A zombie is not alive: where orphans are not reaped at once (CI's container), a killed Postgres
// stayed a zombie, kill(pid, 0) said it was there, and a restart waited on it or refused to start.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '@/grading/sandbox/is-process-alive';

const stateOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
};

describe('isProcessAlive', () => {
  it('is true for a running process and false for one that is gone', async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    const child = spawn('/bin/true');
    await new Promise((resolve) => child.on('exit', resolve));
    // Reaped by Node: its pid names nothing now (reuse within this test is not a concern).
    expect(isProcessAlive(child.pid!)).toBe(false);
  });

  it('is false for a zombie: exited, its parent not reaping it', async () => {
    // Perl forks a child that exits at once, says its pid, and sleeps without ever reaping it.
    const parent = spawn('/usr/bin/perl', ['-e', 'my $pid = fork // die; exit 0 unless $pid; $| = 1; print "$pid\\n"; sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (data: Buffer) => resolve(String(data)))));
      for (let tries = 0; tries < 100 && stateOf(pid) !== 'Z'; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stateOf(pid)).toBe('Z');
      expect(isProcessAlive(pid)).toBe(false);
      expect(isProcessAlive(parent.pid!)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
