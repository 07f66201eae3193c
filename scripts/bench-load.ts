// `npm run bench:load`: the app as `npm start` runs it (production build, embedded Postgres, two
// grading workers and the runner) under BENCH_CONNECTIONS (default 200) virtual candidates for
// BENCH_SECONDS (default 60). Each signs in, then loops: home page, a topic page, its questions
// over the API, a question page, submits an answer (written, or code for BENCH_CODE_SHARE of them)
// and waits for the grade (GET /api/attempts/<id>?wait=20), thinking BENCH_THINK_MS between steps.
// Candidates arrive spread over BENCH_RAMP_SECONDS (15); the run ends BENCH_SECONDS after the first.
// Prints per-endpoint p50/p99 next to a baseline measured idle in the same run, errors (5xx and
// network) apart from deliberate refusals (429 back-pressure), attempts submitted vs graded vs
// lost, and how long the queue takes to drain once the candidates stop. BENCH_DB_WAITS=1 also samples
// what the database's busy connections wait on during the load (scripts/lib/sample-db-waits.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { hashPassword } from '../src/server/users/password';
import { Browser, percentile, startBenchApp } from './lib/bench-app';
import { sampleDbWaits } from './lib/sample-db-waits';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'bench:load', usage: 'usage: npm run bench:load   (settings from the environment: BENCH_CONNECTIONS (200), BENCH_SECONDS (60), BENCH_THINK_MS, BENCH_CODE_SHARE, BENCH_RAMP_SECONDS, BENCH_PORT, BENCH_DB_WAITS=1; builds the app into .next, so not beside a running npm start in the same checkout; takes no arguments)', options: {} });

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1_000);
const CODE_SHARE = Number(process.env.BENCH_CODE_SHARE ?? 0.2);
const PORT = Number(process.env.BENCH_PORT ?? 3215);
// Candidates arrive over this long (a real crowd does not sign in within one millisecond).
const RAMP_SECONDS = Number(process.env.BENCH_RAMP_SECONDS ?? 15);
const PASSWORD = 'load-test-password-123';
const METRICS_TOKEN = 'bench-load-metrics-token';
const TOPIC = 'production-deployments-and-operations';
const content = (slug: string, file: string) => readFileSync(path.join('seeds', 'content', slug, file), 'utf8');
const ANSWERS = {
  written: { slug: 'explain-canary-releases-contrast-blue-green', answer: content('explain-canary-releases-contrast-blue-green', 'model-answer.md') },
  python: { slug: 'write-python-function-compare-manifests-old', answer: content('write-python-function-compare-manifests-old', 'reference.py') },
  bash: { slug: 'write-bash-script-pulls-specified-docker', answer: content('write-bash-script-pulls-specified-docker', 'reference.sh') },
};

type Sample = { ms: number; status: number };
const samples = new Map<string, Sample[]>();
const note = (name: string, sample: Sample) => (samples.get(name) ?? samples.set(name, []).get(name)!).push(sample);

async function timed(name: string, browser: Browser, pathname: string, init?: RequestInit): Promise<Response | null> {
  const started = performance.now();
  try {
    const response = await browser.request(pathname, init);
    const body = await response.arrayBuffer();
    note(name, { ms: performance.now() - started, status: response.status });
    return new Response(body, { status: response.status, headers: response.headers });
  } catch {
    note(name, { ms: performance.now() - started, status: 0 });
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const think = () => sleep(THINK_MS * (0.5 + Math.random()));

console.log(`bench:load — ${CONNECTIONS} virtual candidates for ${SECONDS} s (arriving over ${RAMP_SECONDS} s), think ${THINK_MS} ms, code share ${CODE_SHARE}; 2 workers + 1 runner on the embedded Postgres`);
console.log(`machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')} (shared with other work: read figures as ratios to the baseline)`);
const app = await startBenchApp({ port: PORT, env: { WORKERS: '2', METRICS_TOKEN } });
try {
  // The candidates: one argon2 hash for all (hashing 200 would only time the setup).
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const passwordHash = await hashPassword(PASSWORD);
  await db.query(
    `INSERT INTO "User" (id, email, "passwordHash", role, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'load-' || n || '@example.test', $1, 'CANDIDATE', now(), now() FROM generate_series(1, $2::int) AS n`,
    [passwordHash, CONNECTIONS],
  );
  const admin = new Browser(app.base);
  if (!(await admin.signIn('load-1@example.test', PASSWORD))) throw new Error('could not sign in');
  const { questions } = (await (await admin.request(`/api/questions?topic=${TOPIC}`)).json()) as { questions: { id: string; slug: string }[] };
  const idOf = (slug: string) => questions.find((q) => q.slug === slug)?.id ?? (() => { throw new Error(`no question ${slug}`); })();
  const ids = { written: idOf(ANSWERS.written.slug), python: idOf(ANSWERS.python.slug), bash: idOf(ANSWERS.bash.slug) };
  const statusesPath = `/api/questions/statuses?ids=${questions.map((q) => q.id).join(',')}`;

  // Baseline: the same reads, one at a time, on the idle app (after one warm-up each).
  const reads = {
    'GET /': '/',
    'GET /topics/[slug]': `/topics/${TOPIC}`,
    'GET /api/questions': `/api/questions?topic=${TOPIC}`,
    'GET /questions/[slug]': `/questions/${ANSWERS.written.slug}`,
  };
  const baseline = new Map<string, number>();
  for (const [name, pathname] of Object.entries(reads)) {
    await timed('warm-up', admin, pathname);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      await (await admin.request(pathname)).arrayBuffer();
      times.push(performance.now() - started);
    }
    baseline.set(name, percentile(times, 50));
  }
  let baselineSubmitted = 0;
  {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const response = await admin.request('/api/attempts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ questionId: ids.written, answer: ANSWERS.written.answer }) });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (response.status === 202) baselineSubmitted++;
      await sleep(3_200);
    }
    baseline.set('POST /api/attempts', percentile(times, 50));
  }
  samples.clear();

  let submitted = 0;
  let refused = 0;
  const deadline = Date.now() + SECONDS * 1_000;
  async function candidate(n: number) {
    const browser = new Browser(app.base);
    const started = performance.now();
    const ok = await browser.signIn(`load-${n}@example.test`, PASSWORD).catch(() => false);
    note('sign in (csrf + credentials)', { ms: performance.now() - started, status: ok ? 200 : 0 });
    if (!ok) return;
    while (Date.now() < deadline) {
      // After each page, what its browser asks for next: a page from the member copy of the page
      // cache (docs/decisions/017) reads the reader's name, and their own part of it.
      await timed('GET /', browser, reads['GET /']);
      await timed('GET /api/account', browser, '/api/account');
      await think();
      await timed('GET /topics/[slug]', browser, reads['GET /topics/[slug]']);
      await timed('GET /api/account', browser, '/api/account');
      await timed('GET /api/questions/statuses', browser, statusesPath);
      await timed('GET /api/questions', browser, reads['GET /api/questions']);
      await think();
      const kind = Math.random() < CODE_SHARE ? (Math.random() < 0.5 ? 'python' : 'bash') : 'written';
      await timed('GET /questions/[slug]', browser, `/questions/${ANSWERS[kind].slug}`);
      await timed('GET /api/account', browser, '/api/account');
      await timed('GET /api/questions/[id]/practice', browser, `/api/questions/${ids[kind]}/practice`);
      await think();
      if (Date.now() >= deadline) break;
      const response = await timed('POST /api/attempts', browser, '/api/attempts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ questionId: ids[kind], answer: ANSWERS[kind].answer }),
      });
      if (response?.status === 429) {
        refused++;
        await think();
        continue;
      }
      if (response?.status !== 202) continue;
      submitted++;
      const { id } = (await response.json()) as { id: string };
      // Waits as the attempt page does, until graded or the run is over.
      while (Date.now() < deadline + 5_000) {
        const polled = await timed('GET /api/attempts/[id]?wait=20', browser, `/api/attempts/${id}?wait=20`);
        if (!polled || polled.status !== 200) break;
        const { attempt } = (await polled.json()) as { attempt: { status: string } };
        if (!['QUEUED', 'RUNNING'].includes(attempt.status)) break;
      }
      await think();
    }
  }
  console.log(`load: ${CONNECTIONS} candidates for ${SECONDS} s …`);
  const loadStarted = Date.now();
  // This process is a client of 200 candidates on the same two cores: its own event loop's delay
  // is added to every latency it measures, so it is printed beside them.
  const clientLag = monitorEventLoopDelay({ resolution: 10 });
  clientLag.enable();
  const dbWaits = process.env.BENCH_DB_WAITS === '1' ? await sampleDbWaits(app.databaseUrl) : null;
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => sleep((i * RAMP_SECONDS * 1_000) / CONNECTIONS).then(() => candidate(i + 1))));
  const loadEnded = Date.now();
  clientLag.disable();
  const dbWaitLines = (await dbWaits?.stop()) ?? [];

  // The queue drains: every attempt of the run reaches a final status.
  const pending = async () => Number((await db.query(`SELECT count(*) FROM "Attempt" WHERE status IN ('QUEUED', 'RUNNING')`)).rows[0].count);
  let left = await pending();
  while (left > 0 && Date.now() - loadEnded < 10 * 60_000) {
    await sleep(250);
    left = await pending();
  }
  const drainedMs = Date.now() - loadEnded;
  const byStatus = (await db.query<{ status: string; count: string }>(`SELECT status, count(*) FROM "Attempt" GROUP BY status ORDER BY status`)).rows;
  const stored = byStatus.reduce((n, r) => n + Number(r.count), 0) - baselineSubmitted;
  const graded = byStatus.filter((r) => ['PASSED', 'FAILED', 'ERROR'].includes(r.status)).reduce((n, r) => n + Number(r.count), 0) - baselineSubmitted;
  // Every answer submitted is a model or reference answer: one that did not pass was graded wrong
  // under load (a time limit hit by a starved jail, say), so why is printed.
  const notPassed = (
    await db.query<{ answerKind: string; status: string; result: { message?: string; tests?: { name: string; status: string; message?: string }[] } | null }>(
      `SELECT "answerKind", status, result FROM "Attempt" WHERE status IN ('FAILED', 'ERROR') ORDER BY "createdAt"`,
    )
  ).rows;
  await db.end();

  console.log(`\nran ${((loadEnded - loadStarted) / 1000).toFixed(0)} s; figures in ms`);
  console.log(['endpoint', 'requests', 'p50', 'p99', 'errors', '429', 'idle p50'].map((c, i) => (i === 0 ? c.padEnd(32) : c.padStart(10))).join(''));
  let errors = 0;
  for (const [name, list] of samples) {
    if (name === 'warm-up') continue;
    const failed = list.filter((s) => s.status === 0 || s.status >= 500 || (s.status >= 400 && s.status !== 429)).length;
    errors += failed;
    const times = list.map((s) => s.ms);
    const base = baseline.get(name);
    console.log(
      [name.padEnd(32), String(list.length), percentile(times, 50).toFixed(1), percentile(times, 99).toFixed(1), String(failed), String(list.filter((s) => s.status === 429).length), base === undefined ? '—' : base.toFixed(1)]
        .map((c, i) => (i === 0 ? c : c.padStart(10)))
        .join(''),
    );
  }
  const statuses = new Map<number, number>();
  for (const [name, list] of samples) if (name !== 'warm-up') for (const { status } of list) if (status === 0 || status >= 400) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  console.log(`\nerrors (network, 4xx other than 429, 5xx): ${errors}${statuses.size ? ` — by status: ${[...statuses].map(([code, n]) => `${code === 0 ? 'network/timeout' : code} ×${n}`).join(', ')}` : ''}`);
  console.log(`attempts: submitted ${submitted}, refused by back-pressure (429) ${refused}, stored ${stored}, graded ${graded}, lost ${submitted - stored}`);
  console.log(`final statuses: ${byStatus.map((r) => `${r.status} ${r.count}`).join(', ')} (includes ${baselineSubmitted} baseline attempts)`);
  for (const { answerKind, status, result } of notPassed) {
    const failing = (result?.tests ?? []).filter((t) => t.status !== 'pass').map((t) => `${t.name}: ${(t.message ?? '').slice(0, 160)}`);
    console.log(`  reference answer not passed (${answerKind}, ${status}): ${result?.message ?? 'no result'}${failing.length ? ` — ${failing.join('; ')}` : ''}`);
  }
  const lagMs = (q: number) => (clientLag.percentile(q) / 1e6).toFixed(0);
  console.log(`the load generator's own event-loop delay (added to what it measures): p50 ${lagMs(50)}, p99 ${lagMs(99)}, max ${(clientLag.max / 1e6).toFixed(0)} ms`);
  console.log(`POST /api/attempts inside the web server's route handler (its /metrics histogram, 202s): ${await handlerShare(app.base)}`);
  for (const line of dbWaitLines) console.log(line);
  console.log(`queue drained ${left === 0 ? `${(drainedMs / 1000).toFixed(1)} s after the candidates stopped` : `NOT within 10 min (${left} left)`}`);
} finally {
  await app.stop();
}
process.exit(0);

// The share of 202 submits the route handler finished within each histogram bucket: the part of
// a submit's latency spent in Next.js and the database, without the socket, the admission gate
// and the client.
async function handlerShare(base: string): Promise<string> {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const buckets = [...text.matchAll(/^rehearse_http_request_duration_seconds_bucket\{([^}]*)\} (\d+)/gm)]
    .filter(([, labels]) => labels!.includes('route="/api/attempts"') && labels!.includes('method="POST"') && labels!.includes('status="202"'))
    .map(([, labels, count]) => ({ le: /le="([^"]+)"/.exec(labels!)![1]!, count: Number(count) }));
  const total = buckets.find((b) => b.le === '+Inf')?.count ?? 0;
  if (total === 0) return 'no samples (is METRICS_TOKEN honoured?)';
  // prom-client's event-loop delay of the web process, over the run (read once, at its end).
  const lag = (q: string) => Number(new RegExp(`^rehearse_nodejs_eventloop_lag_${q}_seconds (\\S+)`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  return `the web server's event-loop delay p50 ${lag('p50').toFixed(0)}, p99 ${lag('p99').toFixed(0)} ms; handler done ` + buckets
    .filter((b) => b.le !== '+Inf' && Number(b.le) >= 0.025 && Number(b.le) <= 1)
    .map((b) => `≤${Number(b.le) * 1000} ms ${((100 * b.count) / total).toFixed(0)}%`)
    .join(', ') + ` (of ${total})`;
}
