// A process's run-queue wait, read from /proc/<pid>/schedstat without a round trip to the thread
// pool (read-kernel-file.ts): a number for a live process, null for one that is not there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCpuWaitMs } from '@/grading/sandbox/read-cpu-wait';
import { readKernelFile, readProcStatFields } from '@/grading/sandbox/read-kernel-file';

describe('readCpuWaitMs', () => {
  it('reads the grading process’s own wait as a number of milliseconds', () => {
    const waited = readCpuWaitMs('self');
    expect(typeof waited).toBe('number');
    expect(waited).toBeGreaterThanOrEqual(0);
  });

  it('is null for a process that is not there', () => {
    // pid_max is one above the largest pid the kernel hands out.
    const pidMax = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
    expect(readCpuWaitMs(pidMax)).toBeNull();
  });
});

describe('readKernelFile', () => {
  it('reads a file the kernel makes as it is read (its stat size is 0)', () => {
    expect(readKernelFile('/proc/self/stat')).toMatch(/^\d+ \(/);
  });

  it('is empty for a file that is not there, rather than throwing', () => {
    expect(readKernelFile('/proc/0/no-such-file')).toBe('');
  });
});

describe('readProcStatFields', () => {
  it('starts at the state (running, for this process), then the parent’s pid', () => {
    expect(readProcStatFields(process.pid)?.slice(0, 2)).toEqual(['R', String(process.ppid)]);
  });

  it('is null for a process that is not there', () => {
    expect(readProcStatFields(Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8')))).toBeNull();
  });
});
