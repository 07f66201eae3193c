// The app as `npm start` runs it (production build, embedded Postgres, workers and the runner), on
// a throwaway data dir and port, for `npm run bench:load` and `npm run bench:scale`. Also a
// candidate's browser in miniature: a cookie jar, the Origin header writes need, and a sign-in
// over HTTP through next-auth's credentials flow.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type BenchApp = { base: string; databaseUrl: string; stop: () => Promise<void>; child: ChildProcess };

export async function startBenchApp({ port, env = {}, log = (line: string) => console.log(line) }: { port: number; env?: Record<string, string>; log?: (line: string) => void }): Promise<BenchApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-'));
  chmodSync(dataDir, 0o755);
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], {
    env: { ...parentEnv, REHEARSE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '0', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  log(`starting the app on ${base} (a production build is made first when the sources changed)`);
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (code ${child.exitCode}):\n${stderr}`);
    const ready = await fetch(`${base}/api/ready`).then(
      async (r) => ((await r.json()) as { checks?: { workers?: { ok: boolean } } }).checks?.workers?.ok === true,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app was not ready in time:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const running = JSON.parse(readFileSync(path.join(dataDir, 'postgres.json'), 'utf8')) as { url: string };
  return { base, databaseUrl: running.url, stop, child };
}

export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.method && init.method !== 'GET') headers.set('origin', this.base);
    const response = await fetch(this.base + pathname, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }

  async signIn(email: string, password: string): Promise<boolean> {
    const { csrfToken } = (await (await this.request('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    });
    await response.arrayBuffer();
    return [...this.cookies.keys()].some((name) => name.includes('session-token'));
  }

  // The Cookie header of the session alone, for tools that send it themselves (autocannon).
  sessionCookie(): string {
    return [...this.cookies].filter(([name]) => name.includes('session-token')).map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
