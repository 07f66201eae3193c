// The message for a script that ran out of time. On a busy host its limit may have stretched
// (SandboxSpec.stretchWallOnBusyHost, the scratch-tree supervisor's timer): the candidate is then
// told how long the script really had, and why, not the plain limit it outlived by seconds.
const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export function describeTimeout(plainMs: number, givenMs: number | undefined, hang: string) {
  // Within a timer's slack of the plain limit: not worth a word.
  if (givenMs === undefined || givenMs - plainMs < 100) return `timed out after ${formatSeconds(plainMs)}: ${hang}`;
  return `timed out after ${formatSeconds(givenMs)} (its ${formatSeconds(plainMs)} limit, extended while the grading machine was busy): ${hang}`;
}
