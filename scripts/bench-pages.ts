// `npm run bench:pages`: the public pages under a crowd. It starts the app as `npm start` does
// (production build, embedded Postgres, seeded bank) on a throwaway database, signs one user in
// over HTTP like a browser, and drives each page with autocannon: 200 connections for 15 s each.
// A signed-in question page is served from the member copy and then asks for the reader's own part
// (`own practice`) and name (`GET /api/account`); those run as targets of their own.
// Every target runs twice against the same server: cached (as visitors get it) and uncached (the
// requests carry the bypass token the server was started with, so every read goes to Postgres as
// before the cache), so the ratio is measured on the same machine at the same time.
// Env: BENCH_SECONDS (15), BENCH_CONNECTIONS (200), BENCH_PORT (3500), BENCH_ONLY (comma-separated
// target names), BENCH_NO_BASELINE=1 (cached runs only).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Browser } from './lib/bench-app';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'bench:pages', usage: 'usage: npm run bench:pages   (settings from the environment: BENCH_CONNECTIONS (200), BENCH_SECONDS (15), BENCH_PORT, BENCH_ONLY=a,b, BENCH_NO_BASELINE=1; builds the app into .next; takes no arguments)', options: {} });

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 200);
const port = Number(process.env.BENCH_PORT ?? 3500);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const withBaseline = process.env.BENCH_NO_BASELINE !== '1';
const base = `http://127.0.0.1:${port}`;
const bypassToken = randomBytes(24).toString('base64url');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-pages-'));
chmodSync(dataDir, 0o755);
const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
const env = { ...parentEnv, REHEARSE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '0', PORT: String(port), PAGE_CACHE_BYPASS_TOKEN: bypassToken, LOG_LEVEL: 'warn' };

type Target = { name: string; path: string; cookie?: string };
type Figures = { rps: number; p50: number; p99: number; errors: number; requests: number };

async function waitForServer() {
  for (let i = 0; i < 1200; i++) {
    if (await fetch(`${base}/api/topics`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the app did not start');
}

// Signs in over HTTP as a browser would and returns the Cookie header of the session.
async function signIn(email: string, password: string): Promise<string> {
  const browser = new Browser(base);
  await browser.signIn(email, password);
  if (!(await (await browser.request('/api/auth/session')).json()).user) throw new Error('sign-in failed');
  return browser.sessionCookie();
}

async function run(target: Target, uncached: boolean): Promise<Figures> {
  const headers: Record<string, string> = {};
  if (target.cookie) headers.cookie = target.cookie;
  if (uncached) headers['x-rehearse-cache-bypass'] = bypassToken;
  // One request first, so the run measures a warm route (and, cached, a filled cache).
  const warm = await fetch(base + target.path, { headers, redirect: 'manual' });
  if (warm.status !== 200) throw new Error(`${target.path} answered ${warm.status}`);
  await warm.arrayBuffer();
  const result = await autocannon({ url: base + target.path, connections, duration: seconds, headers, timeout: 20 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const line = (name: string, kind: string, f: Figures) =>
  `${name.padEnd(26)} ${kind.padEnd(8)} ${pad(f.rps.toFixed(0), 8)} ${pad(f.p50, 8)} ${pad(f.p99, 8)} ${pad(f.errors, 7)} ${pad(f.requests, 9)}`;

const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
// Ctrl-C stops the app (and its database) too, not just the benchmark.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.once('exit', () => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
    app.kill('SIGTERM');
  });
}
try {
  await waitForServer();
  const email = `bench-${Date.now()}@example.test`;
  const password = 'bench-password-123';
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', '--email', email, '--password', password], { env, stdio: 'ignore' });
  const cookie = await signIn(email, password);
  const { topics } = (await (await fetch(`${base}/api/topics`)).json()) as { topics: { slug: string; questionCount: number }[] };
  const topic = [...topics].sort((a, b) => b.questionCount - a.questionCount)[0];
  if (!topic) throw new Error('the bank is empty');
  const { questions } = (await (await fetch(`${base}/api/questions?topic=${topic.slug}`)).json()) as { questions: { id: string; slug: string }[] };
  const question = questions[0];
  if (!question) throw new Error(`topic ${topic.slug} has no questions`);

  const targets: Target[] = [
    { name: 'home', path: '/' },
    { name: 'topic page', path: `/topics/${topic.slug}` },
    { name: 'topic page (signed in)', path: `/topics/${topic.slug}`, cookie },
    { name: 'own statuses (signed in)', path: `/api/questions/statuses?ids=${questions.map((q) => q.id).join(',')}`, cookie },
    { name: 'question (anonymous)', path: `/questions/${question.slug}` },
    { name: 'question (signed in)', path: `/questions/${question.slug}`, cookie },
    // What a signed-in page view from the member copy asks for next: the reader's own part of the
    // page and their name in the header (docs/decisions/017).
    { name: 'own practice (signed in)', path: `/api/questions/${question.id}/practice`, cookie },
    { name: 'GET /api/account', path: '/api/account', cookie },
    { name: 'GET /api/questions', path: `/api/questions?topic=${topic.slug}` },
  ].filter((t) => !only || only.some((o) => t.name.startsWith(o)));

  console.log(`bench:pages — ${connections} connections, ${seconds} s per run, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at start`);
  console.log(`topic ${topic.slug} (${topic.questionCount} questions), question ${question.slug}`);
  console.log(`${'target'.padEnd(26)} ${'run'.padEnd(8)} ${pad('req/s', 8)} ${pad('p50 ms', 8)} ${pad('p99 ms', 8)} ${pad('errors', 7)} ${pad('requests', 9)}`);
  const rows: string[] = [];
  for (const target of targets) {
    const cached = await run(target, false);
    console.log(line(target.name, 'cached', cached));
    if (!withBaseline) continue;
    const uncached = await run(target, true);
    console.log(line(target.name, 'uncached', uncached));
    rows.push(`${target.name.padEnd(26)} ${pad((cached.rps / uncached.rps).toFixed(1), 6)}× req/s, p99 ${uncached.p99} → ${cached.p99} ms`);
  }
  if (rows.length) console.log(`\ncached vs uncached (same server, same minute):\n${rows.join('\n')}`);
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (a shared machine: compare ratios, not absolutes)`);
} finally {
  app.kill('SIGTERM');
  await new Promise((resolve) => app.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
