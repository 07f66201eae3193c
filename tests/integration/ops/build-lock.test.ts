// Two builds in one checkout never run at once (scripts/lib/build-if-needed.ts): in a throwaway
// checkout whose `next build` is a stand-in that takes a moment and logs its start and end, two
// processes asking for a build at the same time build once, one after the other; a lock left by a
// process that is gone is taken over.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const buildIfNeeded = path.join(process.cwd(), 'scripts', 'lib', 'build-if-needed.ts');
let checkout = '';
afterEach(() => rmSync(checkout, { recursive: true, force: true }));

function fakeCheckout() {
  checkout = mkdtempSync(path.join(os.tmpdir(), 'build-lock-'));
  mkdirSync(path.join(checkout, 'src'));
  writeFileSync(path.join(checkout, 'src', 'page.ts'), 'export {};\n');
  mkdirSync(path.join(checkout, 'node_modules', '.bin'), { recursive: true });
  const next = path.join(checkout, 'node_modules', '.bin', 'next');
  writeFileSync(next, '#!/bin/sh\necho "start $$" >> builds.log\nsleep 1\nmkdir -p .next && echo id > .next/BUILD_ID\necho "end $$" >> builds.log\n');
  chmodSync(next, 0o755);
}

function build(): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['-e', `import(${JSON.stringify(buildIfNeeded)}).then((m) => m.buildIfNeeded({ log: console.log }))`], {
    cwd: checkout,
    env: { ...process.env, NODE_PATH: path.join(process.cwd(), 'node_modules'), NODE_OPTIONS: `--import=${path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')}` },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('buildIfNeeded', () => {
  it('builds once when two processes ask at the same time, the second waiting for the first', async () => {
    fakeCheckout();
    const results = await Promise.all([build(), build()]);
    expect(results.map((r) => r.code), results.map((r) => r.output).join('\n')).toEqual([0, 0]);
    const log = readFileSync(path.join(checkout, 'builds.log'), 'utf8').trim().split('\n');
    expect(log.map((line) => line.split(' ')[0])).toEqual(['start', 'end']);
    expect(results.some((r) => r.output.includes('waiting for another build of this checkout'))).toBe(true);
  }, 30_000);

  it('takes over a lock whose process is gone', async () => {
    fakeCheckout();
    mkdirSync(path.join(checkout, '.data'));
    writeFileSync(path.join(checkout, '.data', 'next-build.lock'), '2147483646\n');
    const result = await build();
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(path.join(checkout, 'builds.log'), 'utf8')).toMatch(/^start \d+\nend \d+\n$/);
  }, 30_000);
});
