// `npm start` whose web server dies on its own (the OOM killer, a crash) or cannot have its port
// stops everything else and ends in failure: a supervisor (systemd's Restart=on-failure, a shell's `npm start && …`) must
// not read a crashed app as a clean stop. The real scripts/start.ts, with its embedded Postgres,
// worker and runner (it builds the app first when the sources changed).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

let dataDir: string;
let port: number;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-start-exit-'));
  // As root, Postgres runs as the postgres user, which must be able to enter this folder.
  chmodSync(dataDir, 0o755);
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, () => resolve()));
  port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The web server: the child of start.ts that runs scripts/serve.ts.
function webServerPid(parent: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('serve.ts')) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

it('exits non-zero when the web server dies by itself, after stopping the rest', { timeout: 600_000 }, async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, REHEARSE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '0', PORT: String(port) };
  // Its own embedded Postgres, not the test suite's database.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  try {
    const deadline = Date.now() + 500_000;
    while (!/web server listening on port/.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the web server never listened:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    process.kill(webServerPid(child.pid!)!, 'SIGKILL');
    const code = await exited;
    expect(output).toMatch(/the web server exited \(code null\); stopping/);
    expect(code, output.slice(-3000)).toBe(1);
    // Everything else was still stopped in order, the database last.
    expect(existsSync(path.join(dataDir, 'postgres.json'))).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

it('exits non-zero, saying why, when its port is taken (it used to wait for ever, serving nothing)', { timeout: 600_000 }, async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(port, () => resolve()));
  const env: NodeJS.ProcessEnv = { ...process.env, REHEARSE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '0', PORT: String(port) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(output).toContain(`[rehearse] the web server could not listen: port ${port} is already in use (another Rehearse, or another program): stop it, or set PORT to a free port`);
    expect(code, output.slice(-3000)).toBe(1);
    expect(existsSync(path.join(dataDir, 'postgres.json'))).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await new Promise((resolve) => taken.close(resolve));
  }
});
