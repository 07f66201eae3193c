// Runs a sandbox spec WITHOUT isolation, for benchmarks of our own reference code only (the
// overhead the jail adds). Never call it with candidate code. Staged files go to <tmp>/in and are
// copied to <tmp>/work (the cwd); argv entries starting with the staging mount are rewritten.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { STAGING_MOUNT } from './bwrap-args';
import { CappedBuffer } from './capped-buffer';
import { DEFAULT_LIMITS, type SandboxResult, type SandboxSpec } from './sandbox-spec';

export async function runBare(spec: SandboxSpec): Promise<SandboxResult> {
  const started = performance.now();
  const limits = { ...DEFAULT_LIMITS, ...spec.limits };
  const root = await mkdtemp(path.join(os.tmpdir(), 'rehearse-bare-'));
  try {
    const staging = path.join(root, 'in');
    const work = path.join(root, 'work');
    await mkdir(staging, { recursive: true });
    for (const file of spec.files ?? []) {
      const target = path.join(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content, { mode: file.mode ?? 0o644 });
    }
    await cp(staging, work, { recursive: true });
    const argv = spec.argv.map((arg) => (arg.startsWith(STAGING_MOUNT) ? staging + arg.slice(STAGING_MOUNT.length) : arg));
    const child = spawn(argv[0] ?? '/bin/false', argv.slice(1), {
      cwd: work,
      env: { PATH: '/usr/bin:/bin', HOME: work, LANG: 'C.UTF-8', ...spec.env } as unknown as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe', spec.eventChannel ? 'pipe' : 'ignore'],
    });
    const stdout = new CappedBuffer(limits.outputBytes);
    const stderr = new CappedBuffer(limits.outputBytes);
    const events = new CappedBuffer(limits.eventBytes);
    const pipes = child.stdio as unknown as [unknown, Readable, Readable, Readable | null];
    pipes[1].on('data', (chunk: Buffer) => stdout.push(chunk));
    pipes[2].on('data', (chunk: Buffer) => stderr.push(chunk));
    pipes[3]?.on('data', (chunk: Buffer) => events.push(chunk));
    child.stdin?.on('error', () => {});
    child.stdin?.end(spec.stdin ?? '');
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.wallMs);
    const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    });
    clearTimeout(timer);
    return {
      exitCode: code,
      signal,
      stdout: stdout.toString(),
      stderr: stderr.toString(),
      stdoutTruncated: stdout.truncated,
      stderrTruncated: stderr.truncated,
      events: events.toString(),
      eventsTruncated: events.truncated,
      timedOut,
      oomKilled: false,
      cgroup: 'none',
      durationMs: Math.round(performance.now() - started),
      files: {},
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
