// A pre-started ("warm") Python jail per driver, so a Python grading does not wait for a jail and
// a Python process to start: between gradings one jail is already up, its supervisor
// (python-runner-source.ts, "--warm") started, undumpable, connected and waiting on its channel.
// A grading claims it and sends the settings and the answer as the channel's first message; the
// wall-time limit counts from that moment (SandboxSpec.deferredWall), the process-limit watch too.
// The jail is the cold one in every other respect: the same driver, command, limits, own cgroup,
// namespaces, seccomp and uid drop; it only lacks /harness/answer.py and cases.json (their
// content arrives over the channel). A warm jail serves one answer: it is taken out of its slot
// before it is used, the supervisor exits after one answer, and the next grading gets a fresh
// one (started once this grading is done). One left unclaimed for IDLE_MS is ended and not
// replaced until the next grading.
import type { Duplex } from 'node:stream';
import { DEFAULT_LIMITS, JAIL_CHANNEL_PATH, JAIL_FILES_DIR, sandboxInfraResult, type SandboxDriver, type SandboxResult } from '../../sandbox/sandbox-driver';
import { PYTHON_RUNNER_PY } from './python-runner-source';
import { errorMessage } from '@/lib/error-message';

export const IDLE_MS = 10 * 60_000;

export type WarmJail = {
  // Hands the jail its answer: connects the session to the channel (now or when the supervisor
  // connects), sends `first` (one JSON line) and starts the wall limit. Once only.
  claim(wallTimeMs: number, connect: (socket: Duplex) => void, first: string): Promise<SandboxResult>;
};

type Slot = { claim: WarmJail['claim']; ended: boolean };

const slots = new WeakMap<SandboxDriver, Slot>();

function start(driver: SandboxDriver): Slot {
  const idle = new AbortController();
  let socket: Duplex | null = null;
  let onSocket: ((socket: Duplex) => void) | null = null;
  let armWall!: (ms: number) => void;
  const deferredWall = new Promise<number>((resolve) => (armWall = resolve));
  const slot: Slot = { ended: false, claim: null! };
  const result = driver
    .run({
      command: ['/usr/bin/python3', '-I', '-S', '-B', `${JAIL_FILES_DIR}/runner.py`, '--warm', JAIL_CHANNEL_PATH],
      files: [{ path: 'runner.py', content: PYTHON_RUNNER_PY }],
      channel: (connection) => {
        socket = connection;
        onSocket?.(connection);
      },
      asPid1: true,
      // The cold jail's limits; its wall limit is the claimer's, counted from the claim.
      limits: DEFAULT_LIMITS,
      deferredWall,
      signal: idle.signal,
      background: true,
    })
    .catch((error: unknown) => sandboxInfraResult(`could not start the sandbox: ${errorMessage(error)}`))
    .finally(() => {
      slot.ended = true;
      if (slots.get(driver) === slot) slots.delete(driver);
    });
  const timer = setTimeout(() => idle.abort(), IDLE_MS);
  timer.unref();
  let claimed = false;
  slot.claim = (wallTimeMs, connect, first) => {
    if (claimed) throw new Error('a warm jail serves one answer only');
    claimed = true;
    clearTimeout(timer);
    const send = (connection: Duplex) => {
      connect(connection);
      connection.write(first);
    };
    if (socket) send(socket);
    else onSocket = send;
    armWall(wallTimeMs);
    return result;
  };
  return slot;
}

// The driver's warm jail, taken out of its slot (null: the driver keeps none, or it has ended).
export function takeWarmJail(driver: SandboxDriver): WarmJail | null {
  const slot = slots.get(driver);
  if (!slot) return null;
  slots.delete(driver);
  return slot.ended ? null : slot;
}

// Starts the driver's next warm jail unless one is waiting (after a grading, off its path).
export function prestartWarmJail(driver: SandboxDriver) {
  if (!driver.prestarts || slots.has(driver)) return;
  slots.set(driver, start(driver));
}
