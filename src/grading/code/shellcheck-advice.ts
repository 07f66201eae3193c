// ShellCheck findings for a Bash answer. ShellCheck only reads the answer, but a hostile text can
// make it use gigabytes (2,300 nested ifs) or spin, so it runs in the same jail as candidate code:
// unprivileged, no network, the run's own cgroup (memory, processes, one CPU), seccomp, a wall
// and CPU-time limit. When it is missing, fails or hits a limit, grading goes on without advice
// and says so.
// A Bash grading's check runs in a pre-started ("warm") jail when its driver keeps one (below):
// on two cores, the cold jail's start made this check the slowest part of a Bash grading.
// Its wall limit stretches on a busy host as the scenarios' do, and a jail starved past the
// stretch is ours (docs/decisions/004, "The check and configuration jails on a busy host").
import { existsSync } from 'node:fs';
import { startThenRelay } from '../harnesses/bash-kit/run-relayed-script';
import { scenarioStarter } from '../harnesses/bash-kit/scenario-start-source';
import { DEFAULT_LIMITS, JAIL_FILES_DIR, type SandboxDriver, type SandboxLimits, type SandboxResult } from '../sandbox/sandbox-driver';
import { describeTimeGiven } from '../sandbox/describe-kill';
import { hasPerl } from '../sandbox/has-perl';
import { createWarmSlot, startWarmJail, WARM_JAIL_IDLE_MS } from '../sandbox/warm-jail';
import { parseShellcheck } from './parse-shellcheck';

export const SHELLCHECK_LIMITS: SandboxLimits = {
  ...DEFAULT_LIMITS,
  wallTimeMs: 5_000,
  cpuTimeSeconds: 5,
  memoryBytes: 256 * 1024 * 1024,
  stdoutBytes: 1024 * 1024,
};
// On a busy host the limit is extended by the host's CPU stall, up to twice (as a Bash
// scenario's); at that cap a jail kept off the CPU ends as 'starved', an infra error.
export const CHECK_BUSY_HOST_STRETCH = 2;
const UNAVAILABLE = 'ShellCheck advice is unavailable on this grader right now.';
const TOO_BUSY = 'ShellCheck advice was dropped: the grading machine was too busy to run it.';
// The jail sees the host's /usr, so the host's binary is the jail's.
const CANDIDATES = ['/usr/bin/shellcheck', '/usr/local/bin/shellcheck', '/bin/shellcheck'];

let found: string | null | undefined;
function findShellcheck() {
  found ??= CANDIDATES.find((file) => existsSync(file)) ?? null;
  return found;
}

// The answer's `bash -n` verdict, when the ShellCheck jail gave it: error null when it parses.
// infraError: the jail was starved before bash -n answered; no verdict, and the grading is ours
// to repeat (an infra error the queue grades again), never a syntax error.
export type AnswerSyntax = { error: string | null; infraError?: string };
export type BashAnswerCheck = { advice: string[]; syntax: AnswerSyntax | null };

// The path of the answer in the jail, which bash -n names in its errors.
export const CHECKED_ANSWER_PATH = `${JAIL_FILES_DIR}/answer.sh`;
// bash -n first, then ShellCheck, in one jail (the Bash harnesses' own bash -n jail was one more
// jail start per grading). bash -n's errors go to stderr, then this line with its exit status;
// ShellCheck's own stderr is dropped, so the status line is the last thing on stderr: nothing the
// answer makes bash print can come after it. Parsing is all either does with the answer.
const STATUS_PREFIX = 'rehearse-syntax ';
const CHECK_SCRIPT = `/bin/bash -n "$1"; echo "${STATUS_PREFIX}$?" >&2; exec "$2" -f json -s bash "$1" 2>/dev/null`;

// Exported for its unit test. bash -n parses a 64 KiB answer in milliseconds and a few MB (nested
// ifs, command substitutions, heredocs: measured), so a jail stopped before it answered was
// stopped by our machine, never by the answer: starved, the grading is repeated; any other limit,
// no verdict (null) and the harness checks on its own.
export function readSyntax(result: Pick<SandboxResult, 'stderr' | 'stderrTruncated' | 'killedBy' | 'infraError'>): AnswerSyntax | null {
  const match = result.stderrTruncated ? null : /(?:^|\n)rehearse-syntax (\d+)\n$/.exec(result.stderr);
  if (!match) return result.killedBy === 'starved' && result.infraError ? { error: null, infraError: result.infraError } : null;
  if (match[1] === '0') return { error: null };
  const text = result.stderr.slice(0, match.index).trim();
  return { error: text || `bash -n exited ${match[1]}` };
}

const checkCommand = (shellcheckPath: string) => ['/bin/bash', '--norc', '--noprofile', '-c', CHECK_SCRIPT, 'rehearse-check', CHECKED_ANSWER_PATH, shellcheckPath];

// The warm check jail: the cold one in every respect (limits, files, command, the wall limit
// counted from the claim), but started before the answer exists. Its command (under bwrap's own
// init, as the cold one's) is the Bash scenarios' starter without their relay
// (scenario-start-source.ts): it waits on the channel, and once the grading has written
// /harness/answer.sh and sent the (empty) start line, it closes the channel and execs the check.
// The starter's few ms of CPU count against the check's 5 s CPU-time limit (an rlimit carried
// across exec).
const warmChecks = createWarmSlot((driver) => {
  const starter = scenarioStarter();
  return startWarmJail(
    driver,
    {
      command: starter.command('--no-relay', ...checkCommand(findShellcheck() ?? '')),
      files: [starter.file],
      limits: SHELLCHECK_LIMITS,
      channelConnections: 1,
      stretchWallOnBusyHost: CHECK_BUSY_HOST_STRETCH,
    },
    WARM_JAIL_IDLE_MS,
    true,
  );
});

// After a Bash grading, off its path: the driver's next check finds its jail started.
export function prestartWarmBashCheck(driver: SandboxDriver) {
  if (findShellcheck() && hasPerl()) warmChecks.prestart(driver);
}

// ShellCheck's advice and bash -n's verdict from one jail. syntax null: not known (no ShellCheck,
// the jail could not start, its stderr was cut, a limit stopped it before bash -n answered), and
// the harness checks on its own; an infraError in it: starved before bash -n answered.
export async function checkBashAnswer(answer: string, driver: SandboxDriver, shellcheckPath = findShellcheck()): Promise<BashAnswerCheck> {
  if (!shellcheckPath) return { advice: [UNAVAILABLE], syntax: null };
  const files = [{ path: 'answer.sh', content: answer }];
  // The warm jail runs the ShellCheck it was started with: only for that one.
  const warm = shellcheckPath === findShellcheck() ? warmChecks.take(driver) : null;
  // Null: it could not take the answer (nothing of it ran there); a cold jail checks it instead.
  const claimed = warm ? await warm.claim({ wallTimeMs: SHELLCHECK_LIMITS.wallTimeMs, connect: startThenRelay([], (socket) => socket.destroy()), files }) : null;
  const result = claimed ?? (await driver.run({ command: checkCommand(shellcheckPath), files, limits: SHELLCHECK_LIMITS, stretchWallOnBusyHost: CHECK_BUSY_HOST_STRETCH }));
  // Starved: bash -n's verdict stands if it came before (ShellCheck was what the host kept waiting).
  if (result.killedBy === 'starved') return { advice: [TOO_BUSY], syntax: readSyntax(result) };
  if (result.infraError) return { advice: [UNAVAILABLE], syntax: null };
  return { advice: adviceFrom(result), syntax: readSyntax(result) };
}

function adviceFrom(result: SandboxResult): string[] {
  if (result.killedBy) {
    const plainMs = SHELLCHECK_LIMITS.wallTimeMs;
    const givenMs = result.killedBy === 'wall-time' ? (result.wallLimitMs ?? plainMs) : plainMs;
    // A wall limit that stretched on a busy host says so (the grading took that much longer).
    const time = describeTimeGiven(plainMs, givenMs);
    const limit = result.killedBy === 'memory' ? `its memory limit (${SHELLCHECK_LIMITS.memoryBytes / 1024 / 1024} MiB)` : result.killedBy === 'processes' ? 'its process limit' : `its time limit (${time})`;
    return [`ShellCheck advice was dropped: checking this answer hit ${limit}.`];
  }
  // Exit 1 means "found something": a normal result.
  if (result.exitCode !== 0 && result.exitCode !== 1) return [UNAVAILABLE];
  if (result.stdoutTruncated) return ['ShellCheck advice was dropped: it had too much to say about this answer.'];
  return parseShellcheck(result.stdout);
}
