// The scenario starter's two builds, C and Perl (scenario-start-source.ts), run side by side on
// the host against one channel: the same start lines, good and bad, and the same relayed call
// must give the same arguments, output, messages and exit statuses. The jailed behaviour (pid 1,
// the relay under attack) is in tests/integration/attacks/bash-fast-fakes.test.ts and
// bash-warm-jails.test.ts, which run whichever build this host uses; this file keeps the other
// one honest too.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileNativeHelper } from '@/grading/sandbox/compile-native-helper';
import { PERL_PATH } from '@/grading/sandbox/sandbox-driver';
import { SCENARIO_START_HELPER } from '@/grading/harnesses/bash-kit/scenario-start-c-source';
import { encodeScenarioStart, scenarioStarter, SCENARIO_START_SOURCE } from '@/grading/harnesses/bash-kit/scenario-start-source';

type Run = { code: number | null; stdout: string; stderr: string };

let dir: string;
const builds: Record<'c' | 'perl', string[]> = { c: [], perl: [] };

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-starter-test-'));
  const native = compileNativeHelper(SCENARIO_START_HELPER);
  if ('reason' in native) throw new Error(`this host must compile the C starter for this test: ${native.reason}`);
  writeFileSync(path.join(dir, 'start'), native.binary, { mode: 0o755 });
  writeFileSync(path.join(dir, 'start.pl'), SCENARIO_START_SOURCE);
  builds.c = [path.join(dir, 'start')];
  builds.perl = [PERL_PATH, path.join(dir, 'start.pl')];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Runs a build with `args`; its first channel connection is sent `startLine` (then closed, as
// the grader does), every later one is a call answered with `reply`. Collects what each call sent.
async function run(build: string[], args: string[], startLine: string | Buffer, reply = ''): Promise<Run & { calls: string[] }> {
  const socketPath = path.join(dir, `channel-${Math.random().toString(16).slice(2)}.sock`);
  const calls: string[] = [];
  let first = true;
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    if (first) {
      first = false;
      socket.on('data', () => socket.destroy());
      socket.end(startLine);
      return;
    }
    // Answered once the request is whole ("ARGC\0" and ARGC fields), as the grader does.
    let request = '';
    socket.on('data', (chunk) => {
      request += chunk.toString('latin1');
      const fields = request.split('\0');
      if (fields.length - 1 <= Number(fields[0])) return;
      calls.push(request);
      socket.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  try {
    // Its own process group, killed at the end: out of a jail nothing ends the relay.
    const child = spawn(build[0]!, [...build.slice(1), ...args], { detached: true, env: { PATH: '/usr/bin:/bin', REHEARSE_CHANNEL: socketPath } as unknown as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // No relay was left.
    }
    return { code, stdout, stderr, calls };
  } finally {
    server.close();
  }
}

// Prints each argument, so the exec'd command shows what it was given.
const ECHO_ARGS = ['--no-relay', '/bin/sh', '-c', 'for a; do printf "[%s]" "$a"; done', 'sh'];

describe('the scenario starter, C and Perl', () => {
  it('is the C build on this host (the CI host has a C compiler)', () => {
    expect(scenarioStarter().kind).toBe(process.env.REHEARSE_NATIVE_HELPERS === 'off' ? 'perl' : 'c');
  });

  it('execs the command with the arguments of the start line, bytes intact', async () => {
    const args = ['plain', 'two words', '', 'é ü ✓', "quote ' and \" and $x", '-x'];
    for (const build of Object.values(builds)) {
      const result = await run(build, ECHO_ARGS, encodeScenarioStart(args));
      expect(result).toMatchObject({ code: 0, stdout: args.map((a) => `[${a}]`).join(''), stderr: '' });
    }
  });

  it('refuses a start line that is not one, with the same message and status', async () => {
    const lines: [string | Buffer, RegExp][] = [
      ['X x61\n', /not a start line/],
      ['G x6\n', /not a start line/],
      ['G xZZ\n', /not a start line/],
      ['G xAB\n', /not a start line/],
      ['G  x61\n', /not a start line/],
      [' G x61\n', /not a start line/],
      ['\n', /not a start line/],
      [Buffer.from('G x61\0\n', 'latin1'), /not a start line/],
      ['G x61', /the grader closed the channel/],
      ['', /the grader closed the channel/],
      [`G x${'61'.repeat(600_000)}`, /the start line is too long/],
    ];
    for (const [line, message] of lines) {
      const [c, perl] = [await run(builds.c, ECHO_ARGS, line), await run(builds.perl, ECHO_ARGS, line)];
      expect(c.stderr, `C, ${JSON.stringify(line.slice(0, 20))}`).toMatch(message);
      expect(perl.stderr, `Perl, ${JSON.stringify(line.slice(0, 20))}`).toMatch(message);
      expect(c.stdout + perl.stdout).toBe('');
      // Perl's die exits with errno when one is set, else 255; the C build always 255.
      expect(c.code).toBe(255);
      expect(perl.code).not.toBe(0);
    }
  });

  it('takes a trailing space as Perl split does', async () => {
    for (const build of Object.values(builds)) {
      expect(await run(build, ECHO_ARGS, 'G x61 \n')).toMatchObject({ code: 0, stdout: '[a]' });
      expect(await run(build, ECHO_ARGS, 'G\n')).toMatchObject({ code: 0, stdout: '' });
    }
  });

  it('says so when the command is missing or cannot run', async () => {
    for (const build of Object.values(builds)) {
      expect(await run(build, [], encodeScenarioStart([]))).toMatchObject({ code: 255, stderr: expect.stringMatching(/no command/) });
      expect(await run(build, ['--no-relay', '/nonexistent/program'], encodeScenarioStart([]))).toMatchObject({ code: 127 });
    }
  });

  it('relays a call from the script to the channel and the answer back, on the port it exports', async () => {
    // What a fast fake sends (fast-fakes-source.ts): "ARGC\0" and the fields, then it reads the reply.
    const script = String.raw`exec 3<>"/dev/tcp/127.0.0.1/$REHEARSE_RELAY_PORT"; printf '%s\0' 2 docker ps >&3; IFS= read -r -N 9 -u 3 reply; printf '%s|%s' "$1" "$reply"`;
    for (const build of Object.values(builds)) {
      const result = await run(build, ['/bin/bash', '-c', script, 'bash'], encodeScenarioStart(['arg']), '0 3 0\nabc');
      expect(result).toMatchObject({ code: 0, stdout: 'arg|0 3 0\nabc', stderr: '' });
      expect(result.calls).toEqual(['2\0docker\0ps\0']);
    }
  });
});
