// Attack: read host files and write outside the work dir. The jail sees only read-only system
// directories and its own size-limited tmpfs mounts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

const driver = createBwrapDriver();
const bash = (script: string, limits = {}) => driver.run({ command: ['/bin/bash', '-c', script], files: [{ path: 'given.txt', content: 'ours' }], limits });

describe('filesystem isolation', () => {
  it('cannot read the project, /root, /etc/shadow or the host /proc', async () => {
    const result = await bash(
      'for p in /work/main/package.json /root /etc/shadow /home /proc/self/../../sys /sys/fs/cgroup; do if ls "$p" >/dev/null 2>&1; then echo "READ $p"; else echo "no $p"; fi; done; ls /proc | grep -cE "^[0-9]+$"',
    );
    expect(result.stdout).not.toContain('READ');
    // A fresh pid namespace: a handful of processes, not the host's hundreds.
    expect(Number(result.stdout.trim().split('\n').at(-1))).toBeLessThan(10);
  });

  it('sees an /etc of its own: two accounts, the loader\'s files and the time zone, nothing else of the host\'s', async () => {
    const result = await bash('ls -A /etc; echo ---; cat /etc/passwd; echo ---; sha256sum < /etc/localtime; python3 -c "print(\'python-ok\')"; readlink /etc/alternatives/awk || true');
    const [listing = '', passwd = '', rest = ''] = result.stdout.split('---\n');
    const hostHas = (entry: string) => readdirSync('/etc').includes(entry);
    const expected = ['alternatives', 'group', 'ld.so.cache', 'ld.so.conf', 'ld.so.conf.d', 'localtime', 'passwd'].filter((entry) => ['group', 'passwd'].includes(entry) || hostHas(entry));
    expect(listing.trim().split('\n').sort()).toEqual(expected);
    expect(passwd.trim().split('\n').map((line) => line.split(':')[0])).toEqual(['root', 'nobody']);
    expect(rest).toContain('python-ok');
    // The host's zone: the bytes of the file its /etc/localtime points to.
    if (hostHas('localtime')) expect(rest.split(' ')[0]).toBe(createHash('sha256').update(readFileSync('/etc/localtime')).digest('hex'));
    // Folders keep their symlinks (the alternatives system points into /usr).
    if (hostHas('alternatives') && readdirSync('/etc/alternatives').includes('awk')) expect(rest).toContain(readlinkSync('/etc/alternatives/awk'));
  });

  it('cannot write to /, /usr, /etc, the harness files or /proc/sys; can write the work dir and /tmp', async () => {
    const result = await bash(
      'for p in /x /usr/x /etc/x /harness/given.txt /harness/x /proc/sys/kernel/hostname; do if (echo pwned > "$p") 2>/dev/null; then echo "WROTE $p"; fi; done; echo ok > /work/a && echo work-ok; echo ok > /tmp/a && echo tmp-ok; cat /harness/given.txt',
    );
    expect(result.stdout).not.toContain('WROTE');
    expect(result.stdout).toContain('work-ok');
    expect(result.stdout).toContain('tmp-ok');
    expect(result.stdout).toContain('ours');
  });

  it('stops filling the work dir, /tmp and /dev/shm at their sizes', async () => {
    const mib = 1024 * 1024;
    const result = await bash(
      'for d in /work /tmp /dev/shm; do head -c 50000000 /dev/zero > $d/fill 2>/dev/null; echo "$d $(stat -c %s $d/fill)"; done',
      { workDirBytes: 4 * mib, tmpDirBytes: 2 * mib, shmBytes: 1 * mib, fileSizeBytes: 64 * mib },
    );
    const sizes = Object.fromEntries(result.stdout.trim().split('\n').map((line) => line.split(' ')));
    expect(Number(sizes['/work'])).toBeLessThanOrEqual(4 * mib);
    expect(Number(sizes['/tmp'])).toBeLessThanOrEqual(2 * mib);
    expect(Number(sizes['/dev/shm'])).toBeLessThanOrEqual(1 * mib);
    expect(Number(sizes['/work'])).toBeGreaterThan(0);
  });

  it('runs as an unprivileged host user with no capabilities (seen from the host)', async () => {
    const marker = `${Math.floor(Math.random() * 1e9)}`;
    const run = bash(`grep -E "^Cap(Eff|Bnd)" /proc/self/status; exec sleep 1.${marker}`);
    let hostUid: string | undefined;
    for (let i = 0; i < 50 && !hostUid; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
        try {
          if (readFileSync(`/proc/${pid}/cmdline`, 'utf8') === `sleep\0${'1.'}${marker}\0`) hostUid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        } catch {
          // Exited while we looked.
        }
      }
    }
    const result = await run;
    expect(hostUid).toBeDefined();
    if (process.getuid?.() === 0) expect(hostUid).not.toBe('0');
    expect(result.stdout).toMatch(/CapEff:\s+0+\n/);
    expect(result.stdout).toMatch(/CapBnd:\s+0+\n/);
  });
});
