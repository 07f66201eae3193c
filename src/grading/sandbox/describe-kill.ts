// Why the sandbox ended a run, in words for the candidate.
import type { SandboxLimits, SandboxResult } from './sandbox-driver';

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
