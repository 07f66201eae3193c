// The C helpers' cache (compile-native-helper.ts): compiled once into a folder only this user can
// write to, reused by the next process, and never taken from a folder or file someone else could
// have written (a planted binary would run as every jail's launcher or pid 1). Each case is a
// fresh process (scripts/build-native-helpers.ts), since a process keeps its first answer.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(os.tmpdir(), 'rehearse-native-cache-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function build(cacheHome: string, extra: Record<string, string> = {}) {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-native-helpers.ts'], { env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: failed.stdout + failed.stderr };
  }
}
const sizes = (output: string) => [...output.matchAll(/(jail-launcher|scenario-start): (\d+) bytes/g)].map((m) => `${m[1]} ${m[2]}`);

describe('the C helpers cache', () => {
  it('compiles into a 0700 folder once, and the next process reads the same binaries', () => {
    const home = path.join(root, 'fresh');
    const first = build(home);
    expect(first.code).toBe(0);
    const dir = path.join(home, 'rehearse', 'native');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).sort();
    expect(files.map((f) => f.replace(/-[0-9a-f]{16}$/, ''))).toEqual(['jail-launcher', 'scenario-start']);
    const before = files.map((f) => statSync(path.join(dir, f)).mtimeMs);
    const second = build(home);
    expect(sizes(second.output)).toEqual(sizes(first.output));
    expect(files.map((f) => statSync(path.join(dir, f)).mtimeMs)).toEqual(before);
  });

  it('never runs a binary from a folder others can write to (or above one), or one others can write', () => {
    const names = readdirSync(path.join(root, 'fresh', 'rehearse', 'native'));
    const real = sizes(build(path.join(root, 'fresh')).output);
    const cases = [
      ['open folder', 0o777, 0o700, 0o755],
      // Whoever can write above the folder can swap it for one of theirs.
      ['open parent', 0o700, 0o777, 0o755],
      ['open file', 0o700, 0o700, 0o666],
    ] as const;
    for (const [label, folderMode, parentMode, fileMode] of cases) {
      const dir = path.join(root, label, 'rehearse', 'native');
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, folderMode);
      chmodSync(path.join(root, label), parentMode);
      for (const name of names) {
        writeFileSync(path.join(dir, name), '#!/bin/sh\necho planted\n');
        chmodSync(path.join(dir, name), fileMode);
      }
      const result = build(path.join(root, label));
      expect(result.code, label).toBe(0);
      expect(sizes(result.output), label).toEqual(real);
      // A folder others can write to is left alone; in this user's own folder, the open file is
      // replaced by the compiled one.
      for (const name of names) expect(readFileSync(path.join(dir, name), 'latin1').includes('planted'), label).toBe(label !== 'open file');
    }
  });

  it('builds nothing when turned off', () => {
    const result = build(path.join(root, 'off'), { REHEARSE_NATIVE_HELPERS: 'off' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('REHEARSE_NATIVE_HELPERS=off');
  });
});
