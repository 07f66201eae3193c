// Attack: find the worker's secrets. bwrap is spawned with an EMPTY environment (not just
// --clearenv), so no process in the jail, pid 1 included, carries the worker's variables.
import { afterEach, describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

const SECRET = `rehearse-secret-${Math.random().toString(36).slice(2)}`;
afterEach(() => {
  delete process.env.REHEARSE_TEST_SECRET;
});

describe('no secrets in the jail', () => {
  it('shows none of the worker\'s environment in env or in any /proc/*/environ', async () => {
    process.env.REHEARSE_TEST_SECRET = SECRET;
    const result = await createBwrapDriver().run({
      command: ['/bin/bash', '-c', 'env; for f in /proc/[0-9]*/environ; do echo "== $f"; tr "\\0" "\\n" < "$f"; done'],
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('== /proc/1/environ');
    expect(result.stdout).toContain('PATH=/usr/bin:/bin');
    expect(result.stdout).not.toContain(SECRET);
    expect(result.stdout).not.toContain('REHEARSE_TEST_SECRET');
    // Nothing of the host's identity either (the worker's cwd, user, home).
    expect(result.stdout).not.toMatch(/\/work\/main|\/root|USER=root|NODE_|VITEST/);
  });
});
