// `bash -n` on the answer in a jail of its own, beside the scenarios: a script that does not parse
// is reported as such rather than graded on whatever ran before bash reached the error. Nothing of
// the answer executes here, but parsing is still candidate-controlled work, hence the jail.
import { CHECK_BUSY_HOST_STRETCH } from '../../code/shellcheck-advice';
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
    // As the check jail's (shellcheck-advice.ts): stretched on a busy host, 'starved' at the cap.
    stretchWallOnBusyHost: CHECK_BUSY_HOST_STRETCH,
  });
  // Starved past its stretched limit: an infra error (the queue grades the answer again).
  if (result.infraError) return { error: null, infraError: result.infraError };
  if (result.exitCode === 0) return { error: null, infraError: null };
  const said = result.stderr.trim();
  // bash -n parses a 64 KiB answer in milliseconds and a few MB (shellcheck-advice.ts, readSyntax):
  // stopped by a limit before it said anything, it was our machine that kept it from finishing,
  // and "could not parse" would blame a script that may well parse.
  if (!said && result.killedBy) return { error: null, infraError: `bash -n was stopped (${result.killedBy}) before it finished parsing the answer, which takes it milliseconds: the grading machine could not run it in time` };
  const detail = said || `bash -n exited ${result.exitCode}`;
  return { error: detail.split(`${JAIL_FILES_DIR}/${script}`).join(script), infraError: null };
}
