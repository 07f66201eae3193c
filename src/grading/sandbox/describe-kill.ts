// Why the sandbox ended a run, in words for the candidate.
import type { SandboxLimits, SandboxResult } from './sandbox-driver';

export const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

// Whether a wall limit stretched on a busy host (SandboxSpec.stretchWallOnBusyHost) by more than
// a timer's slack: only then is it worth telling the candidate how long the run really had.
export function wasStretched(plainMs: number, givenMs: number | null | undefined): givenMs is number {
  return givenMs !== undefined && givenMs !== null && givenMs - plainMs >= 100;
}

// How long a run had, for "… ran past its time limit (…)": the plain limit, or the stretched one
// and why.
export function describeTimeGiven(plainMs: number, givenMs: number | null | undefined): string {
  return wasStretched(plainMs, givenMs) ? `${formatSeconds(givenMs)}: its ${formatSeconds(plainMs)}, extended while the grading machine was busy` : formatSeconds(plainMs);
}

export function describeKill(result: Pick<SandboxResult, 'killedBy'>, limits: Pick<SandboxLimits, 'wallTimeMs' | 'maxProcesses' | 'memoryBytes'>) {
  switch (result.killedBy) {
    case 'wall-time':
      return `it ran past the time limit (${limits.wallTimeMs / 1000} s)`;
    case 'cpu-time':
      return 'it used up its CPU time';
    case 'memory':
      return `it ran out of memory (limit ${Math.round(limits.memoryBytes / 1024 / 1024)} MiB)`;
    case 'processes':
      return `it started too many processes (limit ${limits.maxProcesses})`;
    default:
      return null;
  }
}
