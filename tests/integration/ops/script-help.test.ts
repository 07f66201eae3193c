// Every script in package.json that runs one of our files answers --help with its usage (exit 0)
// and refuses an unknown option (exit 2) before doing anything: `db:seed -- --help` once seeded,
// `worker -- --help` started a worker and `bench:load -- --help` started a benchmark.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const entries = Object.entries(scripts).flatMap(([name, command]) => {
  const match = /^(?:tsx|node --import tsx) (scripts\/[\w-]+\.ts)$/.exec(command);
  return match ? [{ name, file: match[1]! }] : [];
});

function run(file: string, arg: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // No database and no runner: a script that ignored the argument would fail or hang, not pass.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' };
  const child = spawn(process.execPath, ['--import', 'tsx', file, arg], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => child.once('exit', (code) => {
    clearTimeout(timer);
    resolve({ code, stdout, stderr });
  }));
}

it('covers the scripts that used to ignore --help', () => {
  expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['start', 'dev', 'db:migrate', 'db:seed', 'worker', 'runner', 'bench:load', 'bench:grading']));
});

it('answers --help with the usage and refuses an unknown option, in every script', { timeout: 300_000 }, async () => {
  const queue = [...entries];
  const failures: string[] = [];
  await Promise.all(Array.from({ length: 3 }, async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const help = await run(entry.file, '--help');
      if (help.code !== 0 || !help.stdout.startsWith('usage:')) failures.push(`${entry.name} --help: exit ${help.code}\n${help.stdout}${help.stderr}`);
      const bad = await run(entry.file, '--no-such-option');
      if (bad.code !== 2 || !bad.stderr.includes("Unknown option '--no-such-option'")) failures.push(`${entry.name} --no-such-option: exit ${bad.code}\n${bad.stdout}${bad.stderr}`);
    }
  }));
  expect(failures).toEqual([]);
});
