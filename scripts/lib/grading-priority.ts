// `npm start` runs on one machine: the web server, the grading workers, the runner and every jail
// share its cores. Grading is batch work and the candidate's code is hostile, so the workers and
// the runner run at a lower CPU priority than the web server, and so do the jails: they sit in
// cgroups of their own, where a nice value does not count against the rest of the machine, so the
// driver gives their cgroup parent the weight of its own nice value (detect-cgroups.ts). A submit
// or a page is answered first, and an answer that burns CPU slows only other gradings.
// GRADING_NICE (default 10, 0 turns it off) is the nice value. On Kubernetes each runs in its own
// pod with its own CPU request, and this does not apply (docs/decisions/022).
import { existsSync } from 'node:fs';

const NICE = '/usr/bin/nice';

// The command and arguments that run `node <args>` at the grading priority.
export function atGradingPriority(args: string[], env: Record<string, string | undefined> = process.env): [string, string[]] {
  const nice = Number(env.GRADING_NICE ?? 10);
  if (!Number.isInteger(nice) || nice <= 0 || !existsSync(NICE)) return [process.execPath, args];
  return [NICE, ['-n', String(Math.min(nice, 19)), process.execPath, ...args]];
}
