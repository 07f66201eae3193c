// A pre-started ("warm") jail: started now, with nothing to run yet, so a grading does not wait
// for a jail to start. Its first process (a harness's supervisor or starter) connects to the channel and waits; a
// grading claims the jail, which adds the answer's files if it has any (SandboxSpec.lateFiles),
// hands the session the channel and sends `first` on it; the wall-time limit counts from the
// claim (SandboxSpec.deferredWall), the process-limit watch too. In every other respect it is the
// jail the harness would start cold: the same driver, limits, cgroup, namespaces, seccomp and
// uid drop. A warm jail serves one claim; one left unclaimed for `idleMs` is ended.
// Kept in slots (createKeyedWarmSlot, below): python-kit/warm-python-jail.ts and
// code/shellcheck-advice.ts one per driver, config-kit/warm-config-jail.ts one per driver for the
// question graded last, bash-kit/warm-bash-jails.ts a set for it.
import { createHash } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { sandboxInfraResult, type SandboxDriver, type SandboxFile, type SandboxResult, type SandboxSpec } from './sandbox-driver';
import { errorMessage } from '@/lib/error-message';

export type WarmClaim = {
  wallTimeMs: number;
  // Given the supervisor's connection once it is there and the late files are written.
  connect: (socket: Duplex) => void;
  // Written on that connection right after `connect` (empty: the session speaks first itself).
  first?: string;
  // Files the jail sees under JAIL_FILES_DIR before `first` (the jail must be started with lateFiles).
  files?: SandboxFile[];
};

export type WarmJail = Warm & {
  // Once only. Resolves when the jail has ended, as driver.run does; null when it could not take
  // the work (its files could not be added, or it ended before its pid 1 connected): nothing of
  // the answer ran, so the grading starts a cold jail instead.
  claim(claim: WarmClaim): Promise<SandboxResult | null>;
};

// How long a pre-started jail waits for a grading before it is ended (and not replaced until the
// next grading): long enough for a candidate reading feedback, short enough not to hold a jail
// for an abandoned session.
export const WARM_JAIL_IDLE_MS = 10 * 60_000;

export type WarmJailSpec = Omit<SandboxSpec, 'channel' | 'deferredWall' | 'signal' | 'background' | 'lateFiles'>;

export function startWarmJail(driver: SandboxDriver, spec: WarmJailSpec, idleMs: number, lateFiles = false): WarmJail {
  const controller = new AbortController();
  let socket: Duplex | null = null;
  let onSocket: ((socket: Duplex) => void) | null = null;
  // Every later connection (a fake tool's call), once claimed; before, only the supervisor runs.
  let onLater: ((socket: Duplex) => void) | null = null;
  let armWall!: (ms: number) => void;
  // The driver hands over its file adder once the jail's folder exists (a claim may come sooner).
  let takeAdder!: (add: (files: SandboxFile[]) => Promise<void>) => void;
  const adder = new Promise<(files: SandboxFile[]) => Promise<void>>((resolve) => (takeAdder = resolve));
  let ended = false;
  let claimed = false;
  const result = driver
    .run({
      ...spec,
      channel: (connection) => {
        if (socket) {
          if (onLater) onLater(connection);
          else connection.destroy();
          return;
        }
        socket = connection;
        onSocket?.(connection);
      },
      deferredWall: new Promise<number>((resolve) => (armWall = resolve)),
      signal: controller.signal,
      background: true,
      ...(lateFiles ? { lateFiles: takeAdder } : {}),
    })
    .catch((error: unknown) => sandboxInfraResult(`could not start the sandbox: ${errorMessage(error)}`))
    .finally(() => (ended = true));
  const idle = setTimeout(() => controller.abort(), idleMs);
  idle.unref();

  // Throws at once (not a rejected promise) when claimed twice.
  function claim(work: WarmClaim): Promise<SandboxResult | null> {
    if (claimed) throw new Error('a warm jail serves one answer only');
    claimed = true;
    clearTimeout(idle);
    return serve(work);
  }

  async function serve({ wallTimeMs, connect, first = '', files = [] }: WarmClaim): Promise<SandboxResult | null> {
    armWall(wallTimeMs);
    if (files.length) {
      try {
        if (!lateFiles) throw new Error('the jail was not started to take files later');
        const add = await Promise.race([adder, result.then(() => null)]);
        if (!add) throw new Error('the jail ended before it could take them');
        await add(files);
      } catch {
        controller.abort();
        await result;
        return null;
      }
    }
    const send = (connection: Duplex) => {
      connect(connection);
      if (first) connection.write(first);
    };
    onLater = connect;
    if (socket) send(socket);
    else onSocket = send;
    const outcome = await result;
    // Its pid 1 never connected, so it never took the work: the jail failed, not the answer.
    return socket ? outcome : null;
  }

  return {
    claim,
    abort: () => controller.abort(),
    // Aborted counts as ended: an idle jail being torn down must not be taken.
    get ended() {
      return ended || controller.signal.aborted;
    },
  };
}

// Anything kept warm: one jail, or a set of them used and ended as one (bash-kit/warm-bash-jails.ts).
// abort ends it now (unclaimed, or mid-run as a cold run's signal would); ended is true from then on.
export type Warm = { readonly ended: boolean; abort(): void };

// One warm thing per driver, kept for one key: the question graded last (its spec's hash,
// warmKeyOf), or '' for work that does not depend on the question. `take` hands it out of its
// slot, so it is never used twice (null: none, one kept for another key, or it has ended);
// `prestart` starts the next one unless one is waiting for the same key, replacing (and ending)
// one kept for another. Drivers that cannot keep a jail waiting (SandboxDriver.prestarts) get none.
export function createKeyedWarmSlot<T extends Warm>() {
  const slots = new WeakMap<SandboxDriver, { key: string; warm: T }>();
  return {
    take(driver: SandboxDriver, key: string): T | null {
      const kept = slots.get(driver);
      if (!kept || kept.key !== key) return null;
      slots.delete(driver);
      if (!kept.warm.ended) return kept.warm;
      // Part of a set may still run: end all of it.
      kept.warm.abort();
      return null;
    },
    prestart(driver: SandboxDriver, key: string, start: () => T) {
      if (!driver.prestarts) return;
      const current = slots.get(driver);
      if (current?.key === key && !current.warm.ended) return;
      current?.warm.abort();
      slots.set(driver, { key, warm: start() });
    },
  };
}

// One warm jail per driver for work that does not depend on the question
// (python-kit/warm-python-jail.ts, code/shellcheck-advice.ts).
export function createWarmSlot(start: (driver: SandboxDriver) => WarmJail) {
  const slot = createKeyedWarmSlot<WarmJail>();
  return {
    take: (driver: SandboxDriver) => slot.take(driver, ''),
    prestart: (driver: SandboxDriver) => slot.prestart(driver, '', () => start(driver)),
  };
}

// The key of a question's warm jails: the hash of its harness spec, so a changed spec (a new
// version) never gets jails started for the old one.
export function warmKeyOf(spec: unknown): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex');
}
