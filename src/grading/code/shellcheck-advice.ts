// ShellCheck findings for a Bash answer. ShellCheck only reads the answer, but a hostile text can
// make it use gigabytes (2,300 nested ifs) or spin, so it runs in the same jail as candidate code:
// unprivileged, no network, the run's own cgroup (memory, processes, one CPU), seccomp, a wall
// and CPU-time limit. When it is missing, fails or hits a limit, grading goes on without advice
// and says so.
import { existsSync } from 'node:fs';
import { DEFAULT_LIMITS, JAIL_FILES_DIR, type SandboxDriver, type SandboxLimits } from '../sandbox/sandbox-driver';
import { parseShellcheck } from './parse-shellcheck';

export const SHELLCHECK_LIMITS: SandboxLimits = {
  ...DEFAULT_LIMITS,
  wallTimeMs: 5_000,
  cpuTimeSeconds: 5,
  memoryBytes: 256 * 1024 * 1024,
  stdoutBytes: 1024 * 1024,
};
const UNAVAILABLE = 'ShellCheck advice is unavailable on this grader right now.';
// The jail sees the host's /usr, so the host's binary is the jail's.
const CANDIDATES = ['/usr/bin/shellcheck', '/usr/local/bin/shellcheck', '/bin/shellcheck'];

let found: string | null | undefined;
function findShellcheck() {
  found ??= CANDIDATES.find((file) => existsSync(file)) ?? null;
  return found;
}

export async function shellcheckAdvice(answer: string, driver: SandboxDriver, shellcheckPath = findShellcheck()): Promise<string[]> {
  if (!shellcheckPath) return [UNAVAILABLE];
  const result = await driver.run({
    command: [shellcheckPath, '-f', 'json', '-s', 'bash', `${JAIL_FILES_DIR}/answer.sh`],
    files: [{ path: 'answer.sh', content: answer }],
    limits: SHELLCHECK_LIMITS,
  });
  if (result.infraError) return [UNAVAILABLE];
  if (result.killedBy) {
    const limit = result.killedBy === 'memory' ? `its memory limit (${SHELLCHECK_LIMITS.memoryBytes / 1024 / 1024} MiB)` : result.killedBy === 'processes' ? 'its process limit' : `its time limit (${SHELLCHECK_LIMITS.wallTimeMs / 1000} s)`;
    return [`ShellCheck advice was dropped: checking this answer hit ${limit}.`];
  }
  // Exit 1 means "found something": a normal result.
  if (result.exitCode !== 0 && result.exitCode !== 1) return [UNAVAILABLE];
  if (result.stdoutTruncated) return ['ShellCheck advice was dropped: it had too much to say about this answer.'];
  return parseShellcheck(result.stdout);
}
