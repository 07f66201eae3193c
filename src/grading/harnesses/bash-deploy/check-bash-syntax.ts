// `bash -n` on the answer in a jail of its own, beside the scenarios: a script that does not parse
// is reported as such rather than graded on whatever ran before bash reached the error. Nothing of
// the answer executes here, but parsing is still candidate-controlled work, hence the jail.
import { JAIL_FILES_DIR, type SandboxDriver, type SandboxFile } from '../../sandbox/sandbox-driver';

export type SyntaxCheck = { error: string | null; infraError: string | null };

// `files` holds the script (deploy.sh unless named); passing the scenarios' own list lets the jails share one files directory.
export async function checkBashSyntax(files: SandboxFile[], group: string, driver: SandboxDriver, script = 'deploy.sh'): Promise<SyntaxCheck> {
  const result = await driver.run({
    command: ['/bin/bash', '-n', `${JAIL_FILES_DIR}/${script}`],
    asPid1: true,
    files,
    group,
    limits: { wallTimeMs: 5_000, cpuTimeSeconds: 5, memoryBytes: 128 * 1024 * 1024, stdoutBytes: 4096, stderrBytes: 4096 },
  });
  if (result.infraError) return { error: null, infraError: result.infraError };
  if (result.exitCode === 0) return { error: null, infraError: null };
  const detail = result.stderr.trim() || (result.killedBy ? `bash -n was stopped (${result.killedBy})` : `bash -n exited ${result.exitCode}`);
  return { error: detail.split(`${JAIL_FILES_DIR}/${script}`).join(script), infraError: null };
}
