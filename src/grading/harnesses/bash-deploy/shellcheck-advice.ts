// shellcheck findings as advice lines ("SC2086 line 4: Double quote to prevent globbing…"). Advice
// never changes the score; a missing shellcheck, a timeout or unparseable output means no advice.
// shellcheck is our own tool reading the script from stdin; it never executes it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const SHELLCHECK = ['/usr/bin/shellcheck', '/usr/local/bin/shellcheck'];

type Finding = { line: number; code: number; level: string; message: string };

export function formatFindings(json: string): string[] {
  let findings: unknown;
  try {
    findings = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(findings)) return [];
  return (findings as Finding[])
    .filter((f) => typeof f.code === 'number' && typeof f.message === 'string')
    .map((f) => `SC${f.code} line ${f.line}: ${f.message}`);
}

export async function shellcheckAdvice(script: string, timeoutMs = 5_000): Promise<string[]> {
  const binary = SHELLCHECK.find((candidate) => existsSync(candidate));
  if (!binary) return [];
  return new Promise((resolve) => {
    const child = spawn(binary, ['-f', 'json', '-s', 'bash', '-'], { env: { PATH: '/usr/bin:/bin' } as unknown as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdin.on('error', () => {});
    child.stdin.end(script);
    child.on('error', () => {
      clearTimeout(timer);
      resolve([]);
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(formatFindings(Buffer.concat(chunks).toString('utf8')));
    });
  });
}
