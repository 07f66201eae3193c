// Runs a command in a bubblewrap jail: no network (not even loopback), no host environment, a
// read-only view of /usr and a few /etc files, size-limited tmpfs work dir, /tmp and /dev/shm,
// prlimit for CPU/file size/open files, a per-run cgroup for memory and processes, and a wall
// timer that SIGKILLs the whole tree. Candidate code never runs outside it: when bwrap or prlimit
// is missing we throw SandboxUnavailableError instead of running anything.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { buildBwrapArgs, ETC_ENTRIES, hostWrapperScript, prlimitPrefix, SYSTEM_DIRS, type HostEntry } from './bwrap-args';
import { CappedBuffer } from './capped-buffer';
import { createCgroup } from './cgroup';
import { parseReadBack } from './parse-read-back';
import { DEFAULT_LIMITS, SandboxUnavailableError, type SandboxLimits, type SandboxResult, type SandboxSpec } from './sandbox-spec';

const BWRAP_CANDIDATES = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];

export function findBwrap(): string | null {
  return BWRAP_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

function hostEntries(): HostEntry[] {
  const entries: HostEntry[] = [];
  for (const entryPath of [...SYSTEM_DIRS, ...ETC_ENTRIES]) {
    let stat;
    try {
      stat = lstatSync(entryPath);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) entries.push({ path: entryPath, kind: 'symlink', target: readlinkSync(entryPath) });
    else entries.push({ path: entryPath, kind: stat.isDirectory() ? 'dir' : 'file' });
  }
  return entries;
}

function safeRelative(file: string): boolean {
  return file.length > 0 && !file.startsWith('/') && !file.includes('\n') && !file.split('/').includes('..');
}

let runCounter = 0;

const SIGNAL_NAMES = new Map(Object.entries(os.constants.signals).map(([name, number]) => [number, name]));

export async function runInSandbox(spec: SandboxSpec): Promise<SandboxResult> {
  const started = performance.now();
  const limits: SandboxLimits = { ...DEFAULT_LIMITS, ...spec.limits };
  const bwrap = findBwrap();
  if (!bwrap) throw new SandboxUnavailableError('bubblewrap is not installed: apt-get install bubblewrap');
  if (!existsSync('/usr/bin/prlimit')) throw new SandboxUnavailableError('prlimit is not installed: apt-get install util-linux');
  if (spec.argv.length === 0) throw new Error('runInSandbox: argv is empty');
  const files = spec.files ?? [];
  const readBack = spec.readBack ?? [];
  for (const file of [...files.map((f) => f.path), ...readBack]) {
    if (!safeRelative(file)) throw new Error(`runInSandbox: unsafe path ${JSON.stringify(file)}`);
  }

  const stagingDir = await mkdtemp(path.join(os.tmpdir(), 'rehearse-sbx-'));
  const id = `${process.pid}-${++runCounter}-${randomBytes(4).toString('hex')}`;
  const cgroup = createCgroup(id, limits.memoryBytes, limits.pids);
  try {
    await chmod(stagingDir, 0o755);
    for (const file of files) {
      const target = path.join(stagingDir, file.path);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
      await writeFile(target, file.content, { mode: file.mode ?? 0o644 });
      await chmod(target, file.mode ?? 0o644);
    }
    const command = [...prlimitPrefix(limits, cgroup.driver === 'none' ? limits.memoryBytes : undefined), ...spec.argv];
    const args = buildBwrapArgs({
      hostEntries: hostEntries(),
      stagingDir,
      limits,
      env: spec.env ?? {},
      command,
      readBack,
      eventChannel: spec.eventChannel ?? false,
    });
    // The shell joins the cgroup(s) before exec'ing bwrap, so every process of the run is
    // accounted from its first instruction. It runs with an empty environment, as does bwrap.
    // --norc: bash reads ~/.bashrc when its stdin is a socket (as Node's pipes are).
    const child = spawn('/bin/bash', ['--norc', '--noprofile', '-c', hostWrapperScript(cgroup.procsFiles), bwrap, ...args], {
      // Typed as ProcessEnv (which this project extends with NODE_ENV); it really is empty.
      env: {} as unknown as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });

    const stdout = new CappedBuffer(limits.outputBytes);
    const stderr = new CappedBuffer(limits.outputBytes);
    const events = new CappedBuffer(limits.eventBytes);
    // The read-back stream may hold every requested file; bounded by the work dir size.
    const readBackBuffer = new CappedBuffer(limits.workDirBytes + 64 * 1024);
    const pipes = child.stdio as unknown as [unknown, Readable, Readable, Readable, Readable];
    pipes[1].on('data', (chunk: Buffer) => stdout.push(chunk));
    pipes[2].on('data', (chunk: Buffer) => stderr.push(chunk));
    pipes[3].on('data', (chunk: Buffer) => events.push(chunk));
    pipes[4].on('data', (chunk: Buffer) => readBackBuffer.push(chunk));
    child.stdin?.on('error', () => {
      // The command may exit without reading its input (EPIPE): not our problem.
    });
    child.stdin?.end(spec.stdin ?? '');

    let timedOut = false;
    const killTree = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killTree();
      // bwrap's death takes the pid namespace with it; the cgroup sweep catches anything that
      // slipped out of it (it cannot: --die-with-parent plus pid ns, but belt and braces).
      void cgroup.destroy();
    }, limits.wallMs);

    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    });
    clearTimeout(timer);
    const oomKilled = cgroup.oomKilled();

    if (code === 126 && !timedOut && stderr.toString().includes('cgroup')) {
      throw new SandboxUnavailableError(`could not join the sandbox cgroup: ${stderr.toString().trim()}`);
    }
    if (code === 1 && stderr.toString().startsWith('bwrap:')) {
      throw new SandboxUnavailableError(`bubblewrap failed to start: ${stderr.toString().trim()}`);
    }
    // The launcher exits with the command's status; 128+n means the command died of signal n.
    let exitCode = code;
    let signalName: string | null = signal;
    if (code !== null && code > 128 && code < 128 + 65) {
      signalName = SIGNAL_NAMES.get(code - 128) ?? null;
    }
    if (timedOut) {
      exitCode = null;
      signalName = 'SIGKILL';
    }
    return {
      exitCode,
      signal: signalName,
      stdout: stdout.toString(),
      stderr: stderr.toString(),
      stdoutTruncated: stdout.truncated,
      stderrTruncated: stderr.truncated,
      events: events.toString(),
      eventsTruncated: events.truncated,
      timedOut,
      oomKilled,
      cgroup: cgroup.driver,
      durationMs: Math.round(performance.now() - started),
      files: timedOut ? {} : parseReadBack(readBackBuffer.toBuffer()),
    };
  } finally {
    await cgroup.destroy();
    await rm(stagingDir, { recursive: true, force: true });
  }
}
