// The message for a script that ran out of time. On a busy host its limit may have stretched
// (SandboxSpec.stretchWallOnBusyHost, the scratch-tree supervisor's timer): the candidate is then
// told how long the script really had, and why, not the plain limit it outlived by seconds.
import { formatSeconds, wasStretched } from '../../sandbox/describe-kill';

export function describeTimeout(plainMs: number, givenMs: number | undefined, hang: string) {
  if (!wasStretched(plainMs, givenMs)) return `timed out after ${formatSeconds(plainMs)}: ${hang}`;
  return `timed out after ${formatSeconds(givenMs)} (its ${formatSeconds(plainMs)} limit, extended while the grading machine was busy): ${hang}`;
}
