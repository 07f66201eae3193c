// Attack: exhaust the worker. CPU time, wall time, memory, file size, open files and output are
// each capped, and the sandbox says which limit ended a run.
import { describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

const driver = createBwrapDriver();
const python = (code: string, limits = {}) => driver.run({ command: ['/usr/bin/python3', '-c', code], limits });

describe('resource limits', () => {
  it('kills a CPU burner at its CPU-time limit', async () => {
    const result = await python('while True: pass', { cpuTimeSeconds: 1, wallTimeMs: 10_000 });
    expect(result.killedBy).toBe('cpu-time');
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it('kills the whole tree at the wall-time limit, sleepers included', async () => {
    const started = performance.now();
    const result = await driver.run({ command: ['/bin/bash', '-c', 'sleep 60 & sleep 60 & wait'], limits: { wallTimeMs: 500 } });
    expect(result).toMatchObject({ timedOut: true, killedBy: 'wall-time', exitCode: null });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('stops a memory hog at the memory limit', async () => {
    const result = await python('x = bytearray(512 * 1024 * 1024); print("allocated")', { memoryBytes: 128 * 1024 * 1024 });
    expect(result.stdout).not.toContain('allocated');
    expect(result.exitCode === 0).toBe(false);
  });

  it('cuts a file at the file-size limit', async () => {
    const result = await driver.run({ command: ['/bin/bash', '-c', 'head -c 5000000 /dev/zero > /work/f; echo "rc=$? size=$(stat -c %s /work/f)"'], limits: { fileSizeBytes: 1_000_000 } });
    expect(result.stdout).toContain('rc=153'); // 128 + SIGXFSZ
    expect(result.stdout).toContain('size=1000000');
  });

  it('refuses file descriptors past the open-files limit', async () => {
    const result = await python('fs = []\ntry:\n    [fs.append(open("/dev/null")) for _ in range(200)]\nexcept OSError as e:\n    print("stopped at", len(fs), e.errno)', { openFiles: 32 });
    expect(result.stdout).toMatch(/stopped at 2\d 24/); // EMFILE, a few fds below 32 (stdio)
  });

  it('caps a `yes` flood: output is cut and marked, and the flood ends at once', async () => {
    const result = await driver.run({ command: ['/usr/bin/yes'], limits: { stdoutBytes: 4096, wallTimeMs: 10_000 } });
    expect(result.stdout.length).toBe(4096);
    expect(result.stdoutTruncated).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(result.durationMs).toBeLessThan(2_000);
  });
});
