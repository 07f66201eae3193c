// Lets the process that grades count what the sandbox did (limits hit, output capped, infra
// failures) without the grader knowing about metrics: the default driver reports each run here.
// Sandbox runs happen in grading processes (src/worker/grader-process.ts), which export no
// metrics: each sends its runs' limit hits to its parent as data, and the parent (the worker, the
// web process, or a runner that relays them in its replies) reports them here with
// reportSandboxLimitHits, where the metrics of the process that exports /metrics count them.
import type { KillReason, SandboxResult } from './sandbox-driver';

type RunFacts = Pick<SandboxResult, 'killedBy' | 'infraError' | 'stdoutTruncated' | 'stderrTruncated' | 'durationMs'>;
type Listener = (result: RunFacts) => void;

// The limits a run can hit. Not 'cancelled': that is us ending a jail (a warm jail left unclaimed,
// a grading abandoned), not the answer reaching a limit.
export const LIMIT_NAMES = ['wall-time', 'cpu-time', 'memory', 'processes', 'starved', 'output'] as const satisfies readonly (Exclude<KillReason, 'cancelled'> | 'output')[];
export type LimitName = (typeof LIMIT_NAMES)[number];
// How many runs hit each limit (names with no hit are absent).
export type LimitHits = Partial<Record<LimitName, number>>;

// `relayed`: counts a runner sent back (another process's grading processes), as opposed to the
// ones this process's own grading processes sent. A runner forwards only the latter.
type LimitHitsListener = (hits: LimitHits, source: { relayed: boolean }) => void;

// On globalThis: the web process loads the grader pool from the source tree, outside its bundle
// (src/server/runs/run-pool.ts), so this module can be loaded twice there; both copies must reach
// the same listeners.
const globalForEvents = globalThis as unknown as { rehearseSandboxListeners?: { runs: Set<Listener>; limitHits: Set<LimitHitsListener> } };
const listeners = (globalForEvents.rehearseSandboxListeners ??= { runs: new Set(), limitHits: new Set() });

// The one rule for what counts as a limit hit: the jail killed by a limit (that limit), and
// stdout or stderr cut at its cap ('output'); a run can hit both.
export function limitHitsOf(result: Pick<RunFacts, 'killedBy' | 'stdoutTruncated' | 'stderrTruncated'>): LimitHits {
  const hits: LimitHits = {};
  if (result.killedBy && result.killedBy !== 'cancelled') hits[result.killedBy] = 1;
  if (result.stdoutTruncated || result.stderrTruncated) hits.output = 1;
  return hits;
}

export function hasLimitHits(hits: LimitHits): boolean {
  return Object.values(hits).some((count) => count > 0);
}

export function onSandboxRun(listener: Listener): () => void {
  listeners.runs.add(listener);
  return () => listeners.runs.delete(listener);
}

export function reportSandboxRun(result: SandboxResult): void {
  for (const listener of listeners.runs) {
    try {
      listener(result);
    } catch {
      // An observer must never change a grade.
    }
  }
}

export function onSandboxLimitHits(listener: LimitHitsListener): () => void {
  listeners.limitHits.add(listener);
  return () => listeners.limitHits.delete(listener);
}

export function reportSandboxLimitHits(hits: LimitHits, source: { relayed: boolean } = { relayed: false }): void {
  if (!hasLimitHits(hits)) return;
  for (const listener of listeners.limitHits) {
    try {
      listener(hits, source);
    } catch {
      // An observer must never change a grade.
    }
  }
}
