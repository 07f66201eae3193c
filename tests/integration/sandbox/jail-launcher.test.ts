// The jail launcher forks every jail's launch chain in place of Node (create-jail-launcher.ts).
// What it hands the chain must be exactly what Node's spawn handed it: an empty environment,
// fds 0-3 and nothing else, stdin as given; what comes back must be capped per stream (the pipe
// closed past the cap, so a flood ends with SIGPIPE) and the exit status must be the real one.
// Our own commands, no jail: the jail's shape is the driver's, tested in the files beside this one.
// Both builds, C and Perl (create-jail-launcher.ts), the same tests.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createJailLauncher, nativeJailLauncher, perlJailLauncher, type JailLauncher } from '@/grading/sandbox/create-jail-launcher';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-launcher-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const nativeCommand = await nativeJailLauncher(dir);
if (!nativeCommand) throw new Error('this host must compile and run the C jail launcher for this test');
const caps = { stdout: 4096, stderr: 4096, status: 4096 };

describe.each([
  ['C', createJailLauncher(nativeCommand)],
  ['Perl', createJailLauncher(perlJailLauncher('/usr/bin/perl'))],
] as [string, JailLauncher][])('jail launcher (%s)', (_build, launcher) => {
  async function run(script: string, options: { stdin?: string; caps?: typeof caps } = {}) {
    const jail = launcher.launch(['/bin/bash', '--norc', '-c', script], { stdin: options.stdin ?? '', caps: options.caps ?? caps });
    const exit = await jail.exit;
    await Promise.all([jail.stdout.done, jail.stderr.done, jail.status.done]);
    return { exit, stdout: jail.stdout.result(), stderr: jail.stderr.result(), status: jail.status.result(), jail };
  }

  it('passes stdin, returns stdout, stderr, fd 3 and the exit code', async () => {
    const { exit, stdout, stderr, status } = await run('cat; echo to-err >&2; echo to-status >&3; exit 7', { stdin: 'hello\n' });
    expect(exit).toEqual({ code: 7, signal: null });
    expect(stdout).toEqual({ text: 'hello\n', truncated: false });
    expect(stderr.text).toBe('to-err\n');
    expect(status.text).toBe('to-status\n');
  });

  it('starts the chain with an empty environment, in /, with only fds 0-3 open', async () => {
    // bash itself sets PWD, SHLVL and _. The test runner's own leaked fds must not get through.
    // bash lists its own fds with a glob, not a pipeline (while a pipeline starts, bash briefly
    // holds its pipe ends, and a listing from another process may see them): the glob's own
    // directory handle takes the lowest free fd, 4 when only 0-3 were open.
    const { stdout } = await run('echo "$PWD"; /usr/bin/env | grep -v "^\\(PWD\\|SHLVL\\|_\\)="; fds=(/proc/$$/fd/*); echo "${fds[@]##*/}"');
    expect(stdout.text).toBe('/\n0 1 2 3 4\n');
  });

  it('cuts a flood at the cap and closes the pipe, so the writer dies of SIGPIPE', async () => {
    const { exit, stdout } = await run('exec yes', { caps: { ...caps, stdout: 1000 } });
    expect(stdout.truncated).toBe(true);
    expect(stdout.text).toHaveLength(1000);
    expect(exit.signal).toBe('SIGPIPE');
  });

  it('kills a chain on request', async () => {
    const jail = launcher.launch(['/bin/sleep', '30'], { stdin: '', caps });
    setTimeout(() => jail.kill(), 50);
    expect(await jail.exit).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('reports a command that cannot start', async () => {
    const jail = launcher.launch(['/nonexistent/program'], { stdin: '', caps });
    expect(await jail.exit).toEqual({ code: 127, signal: null });
    await jail.stderr.done;
    expect(jail.stderr.result().text).toContain('could not start /nonexistent/program');
  });

  it('keeps many runs apart', async () => {
    const runs = await Promise.all(Array.from({ length: 12 }, (_, i) => run(`echo ${i}; exit ${i}`)));
    runs.forEach((r, i) => {
      expect(r.stdout.text).toBe(`${i}\n`);
      expect(r.exit.code).toBe(i);
    });
  });

  it('passes a large stdin whole, and output longer than a pipe holds', async () => {
    const input = 'x'.repeat(300_000);
    const { exit, stdout } = await run('wc -c; head -c 3000 /dev/zero | tr "\\0" y', { stdin: input });
    expect(exit.code).toBe(0);
    expect(stdout.text).toBe(`300000\n${'y'.repeat(3000)}`);
  });
});
