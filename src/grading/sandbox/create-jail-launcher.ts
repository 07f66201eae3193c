// The driver's side of the jail launcher (jail-launcher-source.ts): one process per driver,
// started on first use and again if it dies, forks every jail's launch chain so the grading
// process never fork()s itself. A run looks like a child process to superviseJail: its capped
// stdout, stderr and status, its exit, and a kill. Two builds speak the same protocol: C
// (jail-launcher-c-source.ts), compiled when the host has a C compiler, and Perl otherwise.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import path from 'node:path';
import type { Captured } from './capture-stream';
import { compileNativeHelper } from './compile-native-helper';
import { JAIL_LAUNCHER_HELPER } from './jail-launcher-c-source';
import { JAIL_LAUNCHER_PL } from './jail-launcher-source';

export type LaunchedStream = { done: Promise<void>; result: () => Captured };
export type LaunchExit = { code: number | null; signal: NodeJS.Signals | null; spawnError?: Error };
export type LaunchedJail = { stdout: LaunchedStream; stderr: LaunchedStream; status: LaunchedStream; exit: Promise<LaunchExit>; kill: () => void };
// native: argv is a buildNativeLaunch() list, whose chain the launcher does itself.
export type JailLauncher = { launch(argv: string[], options: { stdin: string; caps: { stdout: number; stderr: number; status: number }; native?: boolean }): LaunchedJail };

type Stream = { chunks: Buffer[]; size: number; cap: number; truncated: boolean; ended: boolean; end: () => void };
type Run = { streams: Record<'O' | 'E' | 'T', Stream>; exited: boolean; exit: (value: LaunchExit) => void };

const SIGNAL_NAMES = new Map(Object.entries(constants.signals).map(([name, number]) => [number, name as NodeJS.Signals]));

function stream(cap: number): { state: Stream; view: LaunchedStream } {
  let end!: () => void;
  const done = new Promise<void>((resolve) => (end = resolve));
  const state: Stream = { chunks: [], size: 0, cap, truncated: false, ended: false, end: () => ((state.ended = true), end()) };
  return { state, view: { done, result: () => ({ text: Buffer.concat(state.chunks).toString('utf8'), truncated: state.truncated }) } };
}

// The Perl build's command line.
export const perlJailLauncher = (perl: string) => [perl, '-e', JAIL_LAUNCHER_PL];

// The C build's command line, its binary written into `dir` (the driver's sandbox home, which
// only this user can write to) for this user alone; null when this host cannot compile it or
// cannot run it from there (a noexec mount: the fakes in /harness could not run either).
export async function nativeJailLauncher(dir: string): Promise<string[] | null> {
  const native = compileNativeHelper(JAIL_LAUNCHER_HELPER);
  if ('reason' in native) return null;
  const file = path.join(dir, 'jail-launcher');
  try {
    await writeFile(file, native.binary, { mode: 0o700, flag: 'wx' });
    await chmod(file, 0o700);
  } catch {
    return null;
  }
  // With stdin at its end at once, the launcher exits 0 straight away.
  const check = spawnSync(file, [], { input: '', timeout: 10_000, stdio: ['pipe', 'ignore', 'ignore'] });
  return check.status === 0 ? [file] : null;
}

// `command` starts the launcher: perlJailLauncher() or nativeJailLauncher().
export function createJailLauncher(command: string[]): JailLauncher {
  let helper: ChildProcess | null = null;
  const runs = new Map<number, Run>();
  let nextId = 0;

  function finishAll(reason: string) {
    for (const run of runs.values()) {
      for (const s of Object.values(run.streams)) s.end();
      if (!run.exited) run.exit({ code: null, signal: null, spawnError: new Error(reason) });
    }
    runs.clear();
  }

  function onFrame(type: string, id: number, data: Buffer) {
    const run = runs.get(id);
    if (!run) return;
    const key = type.toUpperCase() as 'O' | 'E' | 'T';
    if (type === 'O' || type === 'E' || type === 'T') {
      // The launcher caps already; capped here again so nothing it sends can grow a run.
      const s = run.streams[key];
      const room = s.cap - s.size;
      if (data.length > room) s.truncated = true;
      const kept = data.subarray(0, Math.max(0, room));
      s.chunks.push(kept);
      s.size += kept.length;
    } else if (type === 'o' || type === 'e' || type === 't') {
      const s = run.streams[key];
      if (data.toString() === '1') s.truncated = true;
      s.end();
    } else if (type === 'X') {
      const [code, signal] = data.toString().split(' ');
      run.exited = true;
      run.exit({ code: code === '-' ? null : Number(code), signal: signal === '-' ? null : (SIGNAL_NAMES.get(Number(signal)) ?? 'SIGKILL') });
    } else if (type === 'F') {
      run.exited = true;
      for (const s of Object.values(run.streams)) s.end();
      run.exit({ code: null, signal: null, spawnError: new Error(data.toString()) });
    }
    if (run.exited && Object.values(run.streams).every((s) => s.ended)) runs.delete(id);
  }

  function start(): ChildProcess {
    const child = spawn(command[0]!, command.slice(1), { cwd: '/', env: {} as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'inherit'] });
    let buffer: Buffer = Buffer.alloc(0);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        const newline = buffer.indexOf(10);
        if (newline < 0) return;
        const [type, id, length] = buffer.subarray(0, newline).toString().split(' ');
        const size = Number(length);
        if (buffer.length < newline + 1 + size) return;
        onFrame(type!, Number(id), buffer.subarray(newline + 1, newline + 1 + size));
        buffer = buffer.subarray(newline + 1 + size);
      }
    });
    child.stdin!.on('error', () => {});
    child.on('error', () => {});
    child.on('exit', () => {
      if (helper === child) helper = null;
      finishAll('the jail launcher exited');
    });
    // It must not keep the process alive by itself.
    child.unref();
    (child.stdout as unknown as { unref?: () => void }).unref?.();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    return child;
  }

  return {
    launch(argv, { stdin, caps, native = false }) {
      helper ??= start();
      const id = ++nextId;
      const streams = { O: stream(caps.stdout), E: stream(caps.stderr), T: stream(caps.status) };
      let resolveExit!: (value: LaunchExit) => void;
      const exit = new Promise<LaunchExit>((resolve) => (resolveExit = resolve));
      runs.set(id, { streams: { O: streams.O.state, E: streams.E.state, T: streams.T.state }, exited: false, exit: resolveExit });
      const input = Buffer.from(stdin, 'utf8');
      const parts: Buffer[] = [Buffer.from(`${native ? 'R' : 'S'} ${id} ${caps.stdout} ${caps.stderr} ${caps.status} ${input.length} ${argv.length}\n`)];
      for (const arg of argv) {
        const bytes = Buffer.from(arg, 'utf8');
        parts.push(Buffer.from(`${bytes.length}\n`), bytes);
      }
      parts.push(input);
      const current = helper;
      current.stdin!.write(Buffer.concat(parts));
      return {
        stdout: streams.O.view,
        stderr: streams.E.view,
        status: streams.T.view,
        exit,
        kill: () => {
          if (runs.get(id)?.exited === false && current.exitCode === null) current.stdin!.write(`K ${id}\n`);
        },
      };
    },
  };
}
