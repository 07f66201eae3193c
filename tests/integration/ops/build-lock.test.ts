// Two builds in one checkout never run at once (scripts/lib/build-if-needed.ts): in a throwaway
// checkout whose `next build` is a stand-in that takes a moment and logs its start and end, two
// processes asking for a build at the same time build once, one after the other; a lock left by a
// process that is gone is taken over; while a process serves the build, a rebuild of changed
// sources is refused (it would replace the files that process serves), and once it is gone it runs.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// `stay`: the process goes on running after the build, as `npm start` serves it.
function startBuild(stay = false) {
  const then = stay ? `.then(() => { console.log('serving'); setInterval(() => {}, 1000); })` : '';
  return spawn(process.execPath, ['-e', `import(${JSON.stringify(buildIfNeeded)}).then((m) => m.buildIfNeeded({ log: console.log }))${then}`], {
    cwd: checkout,
    env: { ...process.env, NODE_PATH: path.join(process.cwd(), 'node_modules'), NODE_OPTIONS: `--import=${path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')}` },
  });
}

function build(): Promise<{ code: number | null; output: string }> {
  const child = startBuild();
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

  it('refuses to rebuild changed sources while another process serves the build, and rebuilds once it is gone', async () => {
    fakeCheckout();
    const first = await build();
    expect(first.code, first.output).toBe(0);
    // A process that has exited serves nothing.
    expect(readdirSync(path.join(checkout, '.data', 'next-serving'))).toEqual([]);

    const server = startBuild(true);
    try {
      await new Promise<void>((resolve) => server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve()));
      writeFileSync(path.join(checkout, 'src', 'page.ts'), 'export const changed = 1;\n');
      const refused = await build();
      expect(refused.code).not.toBe(0);
      expect(refused.output).toContain(`still being served from that build by pid ${server.pid}`);
      expect(refused.output).toContain('Stop it (Ctrl-C in its terminal) and start again');
      expect(readFileSync(path.join(checkout, 'builds.log'), 'utf8').match(/^start/gm)).toHaveLength(1);
    } finally {
      // Killed outright, it leaves its mark behind.
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    expect(readdirSync(path.join(checkout, '.data', 'next-serving'))).toEqual([String(server.pid)]);
    // A mark whose process is gone is removed, and the build runs.
    const rebuilt = await build();
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(readFileSync(path.join(checkout, 'builds.log'), 'utf8').match(/^start/gm)).toHaveLength(2);
    expect(readdirSync(path.join(checkout, '.data', 'next-serving'))).toEqual([]);
  }, 30_000);

  it('takes a mark whose pid now belongs to another process for one left behind', async () => {
    fakeCheckout();
    expect((await build()).code).toBe(0);
    writeFileSync(path.join(checkout, 'src', 'page.ts'), 'export const changed = 2;\n');
    // This test's own process is alive, but it did not start when the mark says.
    mkdirSync(path.join(checkout, '.data', 'next-serving'), { recursive: true });
    writeFileSync(path.join(checkout, '.data', 'next-serving', String(process.pid)), `${process.pid} 1\n`);
    const rebuilt = await build();
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(readFileSync(path.join(checkout, 'builds.log'), 'utf8').match(/^start/gm)).toHaveLength(2);
  }, 30_000);
});
