// ShellCheck findings for a Bash answer. ShellCheck is our tool reading the answer's text on
// stdin (it never executes it), so it runs outside the jail, with an empty environment and a
// time cap. When it is missing or fails, grading goes on without advice and says so.
import { execFile } from 'node:child_process';
import { parseShellcheck } from './parse-shellcheck';

const TIMEOUT_MS = 5_000;
const UNAVAILABLE = 'ShellCheck advice is unavailable on this grader right now.';

export function shellcheckAdvice(answer: string, shellcheckPath = 'shellcheck'): Promise<string[]> {
  return new Promise((resolve) => {
    const child = execFile(
      shellcheckPath,
      ['-f', 'json', '-s', 'bash', '-'],
      { env: { PATH: '/usr/local/bin:/usr/bin:/bin' } as unknown as NodeJS.ProcessEnv, timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        // Exit 1 means "found something": a normal result.
        if (error && (typeof error.code !== 'number' || error.code > 1)) resolve([UNAVAILABLE]);
        else resolve(parseShellcheck(stdout));
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(answer);
  });
}
