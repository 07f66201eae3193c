// Attack: use a file descriptor the worker left open. The jail is spawned with stdio only, so an
// fd the worker holds (a database socket, a log file) is not there.
import { closeSync, mkdtempSync, openSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

const LIST_FDS = `
import os
me = str(os.getpid())
for pid in [p for p in os.listdir('/proc') if p.isdigit()]:
    try:
        fds = os.listdir(f'/proc/{pid}/fd')
    except OSError:
        continue
    for fd in fds:
        try:
            target = os.readlink(f'/proc/{pid}/fd/{fd}')
        except OSError:
            target = '?'
        print('self' if pid == me else pid, fd, target)
`;

describe('inherited file descriptors', () => {
  it('does not pass the worker\'s open fds (3 and up) into the jail', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-fd-'));
    const file = path.join(dir, 'worker-secret.txt');
    writeFileSync(file, 'secret');
    const fd = openSync(file, 'r');
    try {
      expect(readlinkSync(`/proc/self/fd/${fd}`)).toBe(file);
      const result = await createBwrapDriver().run({
        command: ['/usr/bin/python3', '-c', LIST_FDS],
      });
      const lines = result.stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThan(3);
      expect(result.stdout).not.toContain('worker-secret');
      // The jailed process holds stdin, stdout and stderr; the only other fd it lists is the
      // directory listing's own, already closed ("?") or pointing at a /proc/.../fd directory.
      const own = lines.filter((line) => line.startsWith('self ')).map((line) => line.split(' '));
      expect(own.filter(([, fd]) => Number(fd) <= 2)).toHaveLength(3);
      expect(own.filter(([, fd, target]) => Number(fd) > 2 && target !== '?' && !target!.endsWith('/fd'))).toEqual([]);
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
