// Grading processes for the worker: one warm child process per slot, so candidate-driven code never
// runs in the process that holds the leases. A child that crashes (exits mid-job), freezes (no tick
// for `stallMs`) or overruns `jobTimeoutMs` is killed and replaced, and the job in hand fails with a
// GraderCrashError naming what happened: the worker counts it against that job alone
// (docs/decisions/007-surviving-worker-and-fair-queue.md). Each child gets its own temp dir, so the
// run dirs and cgroups it leaves behind are swept as soon as it is gone. Those temp dirs are in
// memory where the host allows (run-files-root.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { GradeResult } from '@/grading/contract';
import { reportSandboxLimitHits } from '@/grading/sandbox/sandbox-events';
import { runFilesRoot } from '@/grading/sandbox/run-files-root';
import { GRADER_DIR_PREFIX, sweepLeftovers } from '@/grading/sandbox/sweep-leftovers';
import { GRADER_KINDS_ENV, GRADER_TMPDIR_ENV, GraderMessageSchema, type GradeMessage, type GraderKinds } from './grader-messages';
import { errorMessage } from '@/lib/error-message';

export type CrashKind = 'crashed' | 'stalled';

export class GraderCrashError extends Error {
  constructor(
    readonly kind: CrashKind,
    message: string,
    readonly gradedVersion: string,
  ) {
    super(message);
    this.name = 'GraderCrashError';
  }
}

export type GraderPoolOptions = {
  size: number;
  // The module a child runs; tests point it at a grader that misbehaves on purpose.
  entry?: string;
  // A child whose event loop has not ticked for this long is frozen.
  stallMs?: number;
  // No grading may take longer than this, frozen or not.
  jobTimeoutMs?: number;
  // Heap cap of a child, so a bloating answer kills only its own grading process.
  maxHeapMb?: number;
  log?: (line: string) => void;
  // What the processes are sent (default 'all'). 'written' when a runner grades code (production):
  // they keep no warm Python jail of their own. 'code' for a runner's and Run before Submit's:
  // they skip the written grader's warm-up, ~0.4 s of CPU each at start (grader-process.ts).
  grades?: GraderKinds;
};

export type GraderPool = {
  grade(request: unknown): Promise<GradeResult>;
  // Resolves once `size` children are loaded (or failed to start, which the next grade reports).
  ready: Promise<void>;
  close(): Promise<void>;
};

type Child = {
  process: ChildProcess;
  tmpDir: string;
  started: Promise<void>;
  lastTick: number;
  exit: Promise<string>;
  cleaned: Promise<void>;
  wasReady: boolean;
  // The job in hand, if any.
  onResult: ((result: GradeResult) => void) | null;
  onExit: ((how: string) => void) | null;
  fatal: string | null;
  // When it last came back to the idle list.
  idleSince: number;
};

// Long enough for a warm jail to start on a busy host.
const JUST_BACK_MS = 1_000;

const DEFAULT_ENTRY = path.join(import.meta.dirname, 'grader-process.ts');
let jobCounter = 0;

// Whether a grade request (untrusted until the grading process parses it) is a written answer:
// those go to the worker's own grading processes, and to the process used last (take below).
export const isWrittenRequest = (request: unknown) => (request as { kind?: unknown } | null)?.kind === 'written';

// What a request would be graded against, for the ERROR a poison answer gets.
export function requestVersion(request: unknown): string {
  const r = request as { kind?: string; rubric?: { id?: unknown; version?: unknown }; harness?: { name?: unknown; version?: unknown } } | null;
  if (r?.kind === 'written' && r.rubric) return `rubric:${String(r.rubric.id)}@${String(r.rubric.version)}`;
  if (r?.harness) return `harness:${String(r.harness.name)}@${String(r.harness.version)}`;
  return '';
}

export function createGraderPool(options: GraderPoolOptions): GraderPool {
  const { size, entry = DEFAULT_ENTRY, stallMs = 10_000, jobTimeoutMs = 120_000, maxHeapMb = 1024, log = () => {}, grades = 'all' } = options;
  const idle: Child[] = [];
  const all = new Set<Child>();
  let busy = 0;
  let closed = false;
  // A spare beyond `size` (one started on demand while a replacement warmed up) is not kept.
  const keep = (child: Child) => {
    if (!closed && idle.length + busy < size) {
      child.idleSince = Date.now();
      idle.push(child);
    }
    else child.process.kill('SIGKILL');
  };

  async function spawnChild(): Promise<Child> {
    const tmpDir = path.join(runFilesRoot(), `${GRADER_DIR_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(tmpDir);
    // The jail's user (nobody, when the worker is root) must reach the run dirs inside.
    await chmod(tmpDir, 0o711);
    const child = fork(entry, [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${maxHeapMb}`],
      // Not TMPDIR itself: tsx keeps its compile cache under the temp dir, and a fresh one per
      // process would compile everything again. serveGrader switches TMPDIR once loaded.
      env: { ...process.env, [GRADER_TMPDIR_ENV]: tmpDir, [GRADER_KINDS_ENV]: grades },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exit = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exited with code ${code}`)),
    );
    let markStarted!: () => void;
    const state: Child = {
      process: child,
      tmpDir,
      started: new Promise<void>((resolve, reject) => {
        markStarted = resolve;
        void exit.then((how) => reject(new Error(`the grading process ${how} before it was ready`)));
      }),
      lastTick: Date.now(),
      exit,
      cleaned: Promise.resolve(),
      wasReady: false,
      onResult: null,
      onExit: null,
      fatal: null,
      idleSince: 0,
    };
    state.started.catch(() => {});
    child.on('message', (raw) => {
      const parsed = GraderMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      state.lastTick = Date.now();
      if (message.type === 'ready') {
        state.wasReady = true;
        markStarted();
      } else if (message.type === 'result') state.onResult?.(message.result);
      else if (message.type === 'fatal') state.fatal = message.message;
      // The children's sandbox runs (parsed, bounded) become this process's sandbox events: its
      // metrics count them (src/server/observability/metrics.ts), a runner relays them in its
      // replies (src/runner/serve-runner.ts).
      else if (message.type === 'limit-hits') reportSandboxLimitHits(message.limitHits);
    });
    all.add(state);
    state.cleaned = exit.then((how) => {
      state.onExit?.(how);
      return cleanUp(state);
    });
    return state;
  }

  async function cleanUp(child: Child) {
    all.delete(child);
    const at = idle.indexOf(child);
    if (at >= 0) idle.splice(at, 1);
    await rm(child.tmpDir, { recursive: true, force: true }).catch(() => {});
    // Its jails' cgroups are named after its pid, which is now gone.
    const swept = await sweepLeftovers({ dirs: false }).catch(() => null);
    // On a stop (the pool closed) the warm jails waiting for work are swept as a matter of course;
    // only a process that died while the pool was open leaves something worth a line.
    if (swept?.cgroups.length && !closed) log(`swept ${swept.cgroups.length} cgroup(s) left by a grading process`);
    // Replace a child that worked; one that never started is retried on demand, not in a loop.
    if (!closed && child.wasReady && all.size < size) void warm();
  }

  async function warm(): Promise<void> {
    try {
      const child = await spawnChild();
      await child.started;
      keep(child);
    } catch (error) {
      log(`could not start a grading process: ${errorMessage(error)}`);
    }
  }

  const ready = Promise.all(Array.from({ length: size }, () => warm())).then(() => {});

  // The process back most recently, unless it is just back and the request is code: for a moment
  // after a grading it starts its next warm jails (warm-python-jail.ts, the Bash sets), so code
  // submitted right after goes to a process whose jail is up (the one idle longest). Otherwise the
  // most recent: a warm jail left unclaimed for WARM_JAIL_IDLE_MS is ended, so the process used
  // last is the one likely to have one. A written grading always goes to the most recent: each
  // process compiles a rubric's phrasings the first time it grades against it (match-phrasings.ts,
  // up to about 200 ms for a large rubric), so written gradings kept on one process compile each
  // question once, not once per process.
  async function take(request: unknown): Promise<Child> {
    const now = Date.now();
    const written = isWrittenRequest(request);
    let at = idle.length - 1;
    while (!written && at > 0 && now - idle[at]!.idleSince < JUST_BACK_MS) at--;
    const [child] = idle.splice(at, 1);
    if (child && child.process.exitCode === null && child.process.signalCode === null) return child;
    const fresh = await spawnChild();
    await fresh.started;
    return fresh;
  }

  async function grade(request: unknown): Promise<GradeResult> {
    if (closed) throw new Error('the grader pool is closed');
    busy++;
    let child: Child;
    try {
      child = await take(request);
    } catch (error) {
      busy--;
      throw error;
    }
    const id = ++jobCounter;
    const started = Date.now();
    child.lastTick = started;
    const crash = (kind: CrashKind, message: string) => new GraderCrashError(kind, message, requestVersion(request));
    let watch: NodeJS.Timeout | undefined;
    try {
      const result = await new Promise<GradeResult>((resolve, reject) => {
        child.onResult = resolve;
        child.onExit = (how) => reject(crash('crashed', child.fatal ?? `the grading process ${how}`));
        const everyMs = Math.min(250, stallMs / 4);
        let lastCheck = started;
        watch = setInterval(() => {
          const now = Date.now();
          // When this (the worker's) loop was itself held up, the child's ticks are still unread
          // behind this timer: do not count that time as the child's silence.
          const late = now - lastCheck - everyMs;
          if (late > everyMs) child.lastTick += late;
          lastCheck = now;
          if (now - child.lastTick > stallMs) {
            child.process.kill('SIGKILL');
            reject(crash('stalled', `the grading process did not respond for ${Math.round((now - child.lastTick) / 1000)} s`));
          } else if (now - started > jobTimeoutMs) {
            child.process.kill('SIGKILL');
            reject(crash('stalled', `grading took longer than ${Math.round(jobTimeoutMs / 1000)} s`));
          }
        }, everyMs);
        const message: GradeMessage = { type: 'grade', id, request };
        child.process.send(message, (error) => {
          if (error) reject(new Error(`could not hand the answer to a grading process: ${error.message}`));
        });
      });
      child.onResult = null;
      child.onExit = null;
      busy--;
      keep(child);
      return result;
    } catch (error) {
      busy--;
      // Whatever went wrong, this process is not trusted with another answer.
      child.process.kill('SIGKILL');
      throw error;
    } finally {
      clearInterval(watch);
    }
  }

  async function close(): Promise<void> {
    closed = true;
    const children = [...all];
    for (const child of children) child.process.kill('SIGKILL');
    await Promise.all(children.map((child) => child.cleaned));
  }

  return { grade, ready, close };
}
