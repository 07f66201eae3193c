// Attacks on the sandbox, each really run in bubblewrap.
import { createServer } from 'node:net';
import { openSync, closeSync, existsSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { runInSandbox } from '@/grading/sandbox/run-in-sandbox';

const sh = (script: string, extra: Parameters<typeof runInSandbox>[0] = { argv: [] }) =>
  runInSandbox({ ...extra, argv: ['/bin/bash', '-c', script] });

describe('runInSandbox', () => {
  it('runs a command, stages files in and reads files back', async () => {
    const result = await runInSandbox({
      argv: ['/bin/sh', '-c', 'cat in.txt; echo out > out.txt; echo err >&2; exit 3'],
      files: [{ path: 'in.txt', content: 'hello\n' }],
      readBack: ['out.txt', 'missing.txt'],
    });
    expect(result).toMatchObject({ exitCode: 3, stdout: 'hello\n', stderr: 'err\n', timedOut: false, files: { 'out.txt': 'out\n' } });
  });

  it('has no network, not even loopback to a server on the host', async () => {
    const server = createServer((socket) => socket.end('hi'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const result = await sh(`exec 3<>/dev/tcp/127.0.0.1/${port} && echo CONNECTED`);
      expect(result.stdout).not.toContain('CONNECTED');
      expect(result.exitCode).not.toBe(0);
      const py = await runInSandbox({ argv: ['/usr/bin/python3', '-c', `import socket; socket.create_connection(("127.0.0.1", ${port}), timeout=1); print("CONNECTED")`] });
      expect(py.stdout).not.toContain('CONNECTED');
    } finally {
      server.close();
    }
  });

  it('does not leak the host environment into the jail', async () => {
    process.env.REHEARSE_TEST_SECRET = 'hunter2-very-secret';
    try {
      const result = await sh('env; cat /proc/[0-9]*/environ 2>/dev/null | tr "\\0" "\\n"');
      expect(result.stdout).not.toContain('hunter2-very-secret');
      expect(result.stdout).not.toContain('REHEARSE_TEST_SECRET');
      expect(result.stdout).toContain('PATH=');
    } finally {
      delete process.env.REHEARSE_TEST_SECRET;
    }
  });

  it('cannot read host files or write outside the work dir', async () => {
    const result = await sh(
      'for f in /work/main/package.json /etc/shadow /root/.bashrc /etc/passwd; do cat "$f" >/dev/null 2>&1 && echo "READ $f"; done; ls /root >/dev/null 2>&1 && echo "LS /root"; ' +
        'for d in / /usr /etc /.rehearse-in; do touch "$d/x" 2>/dev/null && echo "WROTE $d"; done; touch /work/ok && echo WORK-OK',
    );
    expect(result.stdout).not.toMatch(/READ|LS \/root|WROTE/);
    expect(result.stdout).toContain('WORK-OK');
  });

  it('limits the size of the work dir', async () => {
    const result = await sh('for i in 1 2 3 4; do head -c 6000000 /dev/zero > f$i || { echo FULL; exit 1; }; done; echo WROTE-ALL', {
      argv: [],
      limits: { workDirBytes: 8 * 1024 * 1024 },
    });
    expect(result.stdout).toContain('FULL');
    expect(result.stdout).not.toContain('WROTE-ALL');
  });

  it('stops a fork bomb quickly while a concurrent run still succeeds', async () => {
    const started = performance.now();
    const [bomb, other] = await Promise.all([
      runInSandbox({ argv: ['/bin/bash', '-c', 'b() { b | b & }; b; sleep 0.3'], limits: { wallMs: 2_000 } }),
      runInSandbox({ argv: ['/bin/sh', '-c', 'echo still-fine'] }),
    ]);
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(bomb.durationMs).toBeLessThan(1_000);
    expect(other).toMatchObject({ exitCode: 0, stdout: 'still-fine\n' });
  });

  it('enforces the memory limit', async () => {
    const result = await runInSandbox({
      argv: ['/usr/bin/python3', '-c', 'x = bytearray(200 * 1024 * 1024); print("ALLOCATED")'],
      limits: { memoryBytes: 64 * 1024 * 1024 },
    });
    expect(result.stdout).not.toContain('ALLOCATED');
    expect(result.exitCode).not.toBe(0);
  });

  it('kills a CPU burner at the CPU limit and the whole tree at the wall limit', async () => {
    const cpu = await runInSandbox({ argv: ['/bin/sh', '-c', 'while :; do :; done'], limits: { cpuSeconds: 1, wallMs: 5_000 } });
    expect(cpu.timedOut).toBe(false);
    expect(cpu.signal).toMatch(/SIGXCPU|SIGKILL/);
    const wall = await runInSandbox({ argv: ['/bin/sh', '-c', 'sleep 30 & sleep 30 & wait'], limits: { wallMs: 500 } });
    expect(wall.timedOut).toBe(true);
    expect(wall.durationMs).toBeLessThan(2_000);
  });

  it('caps a flood of output and marks it truncated', async () => {
    const result = await runInSandbox({ argv: ['/bin/sh', '-c', 'yes flood | head -c 5000000; yes err | head -c 5000000 >&2'], limits: { outputBytes: 10_000 } });
    expect(result.stdout.length).toBe(10_000);
    expect(result.stdoutTruncated).toBe(true);
    expect(result.stderrTruncated).toBe(true);
  });

  it('leaves no daemonised child behind', async () => {
    const marker = `rehearse-daemon-${Date.now()}`;
    await runInSandbox({ argv: ['/bin/bash', '-c', `setsid bash -c 'exec -a ${marker} sleep 60' </dev/null >/dev/null 2>&1 & disown; echo started`] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { execFileSync } = await import('node:child_process');
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(ps).not.toContain(marker);
  });

  it('does not pass an inherited fd into the jail', async () => {
    const fd = openSync('/work/main/package.json', 'r');
    try {
      const result = await sh('ls /proc/self/fd; cat /proc/self/fd/' + fd + ' 2>/dev/null && echo LEAKED');
      expect(result.stdout).not.toContain('LEAKED');
      const fds = result.stdout.split('\n').filter(Boolean).map(Number);
      // 0-2 plus the fd ls uses to read the directory.
      expect(fds.filter((n) => n > 3)).toEqual([]);
    } finally {
      closeSync(fd);
    }
  });

  it('keeps the Node event loop responsive during a CPU burner', async () => {
    const run = runInSandbox({ argv: ['/bin/sh', '-c', 'while :; do :; done'], limits: { wallMs: 800 } });
    let ticks = 0;
    const interval = setInterval(() => ticks++, 20);
    await run;
    clearInterval(interval);
    expect(ticks).toBeGreaterThan(20);
  });

  it('removes its cgroups after the run', async () => {
    await runInSandbox({ argv: ['/bin/true'] });
    if (existsSync('/sys/fs/cgroup/memory/rehearse')) {
      const { readdirSync, statSync } = await import('node:fs');
      const left = readdirSync('/sys/fs/cgroup/memory/rehearse').filter((n) => statSync(`/sys/fs/cgroup/memory/rehearse/${n}`).isDirectory());
      expect(left).toEqual([]);
    }
  });
});
