// The latency a candidate feels: from POST /api/attempts to the graded result readable at
// GET /api/attempts/<id>, through the real app (production build), the real queue, the real
// worker and the real sandbox. It starts the app as `npm start` does on a throwaway database,
// signs in over HTTP like a browser, and submits each question's reference answer repeatedly.
// Before the first submission it waits for the machine to settle after the app's start-up (the
// grading processes warm up for a few seconds after the first page is served), so every kind is
// measured in the steady state. It waits for each result the way the practice page does:
// GET /api/attempts/<id>?wait=25, a long-poll answered as soon as the worker records the grade
// (BENCH_POLL_MS=10 polls instead).
// GRADING_TIMINGS=1 also splits each median into steps, from the worker's timing lines
// (src/worker/job-timings.ts): POST answered, worker woken, job claimed, material loaded, graded
// (by the grading process, and inside it), recorded, long-poll answered (the web process woken,
// its final read, the response received).
// Two tables by default, one per pace (BENCH_THINK_MS, a comma-separated list of waits after each
// result before the next submission; default "0,400"): back to back (0), where each grading shares
// the CPU with the previous one's clean-up and the start-up of the next warm jails, so it measures
// throughput on two cores as much as latency; and 400 ms, a candidate who reads the feedback
// before answering again (still far quicker than one does), which is the latency a candidate feels.
// Under each row, the whole machine's CPU per submission over the later half of the submissions
// (every process: app, database, grader, jails, this client; think time included, since the next
// warm jails start in it), and what that means back to back: on N cores, submissions cannot
// follow each other faster than CPU / N on average. And the machine's speed just before and just
// after each row (hostSpeedMs: a fixed piece of work, lower is quicker): on a shared virtual
// machine it varies by more than the goals' margins, so a row is read with it.
// Usage: npx tsx scripts/bench-grading-e2e.ts [iterations]
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, percentile } from './lib/bench-app';
import { costStretch, hostSpeedMs, idleBusyRate, waitForQuiet } from './lib/host-cpu';
import { parseCli } from './lib/parse-cli';

const cli = parseCli({ name: 'bench:grading', usage: 'usage: npx tsx scripts/bench-grading-e2e.ts [iterations]   (default 20; BENCH_PORT, BENCH_POLL_MS, BENCH_THINK_MS (default 0,400), GRADING_TIMINGS=1 from the environment; builds the app into .next)', options: {}, positionals: { min: 0, max: 1 } });

const iterations = Number(cli.positionals[0] ?? 20);
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error(`[bench:grading] iterations must be a whole number of at least 1, not "${cli.positionals[0]}"`);
  process.exit(2);
}
// With BENCH_POLL_MS set, poll that often instead of long-polling (the old way, for comparison).
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 0);
const PACES = (process.env.BENCH_THINK_MS ?? '0,400').split(',').map((value) => Number(value.trim()));
if (PACES.some((ms) => !Number.isInteger(ms) || ms < 0)) {
  console.error(`[bench:grading] BENCH_THINK_MS must be whole milliseconds, comma-separated, not "${process.env.BENCH_THINK_MS}"`);
  process.exit(2);
}
const port = Number(process.env.BENCH_PORT ?? 3400);
const base = `http://127.0.0.1:${port}`;
const content = path.resolve('seeds', 'content');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-'));
chmodSync(dataDir, 0o755);
const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
// One user submits every sample, one after another: lift the per-user submission rate for it.
const env = { ...parentEnv, REHEARSE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '0', PORT: String(port), MAX_ATTEMPTS_PER_USER_PER_MINUTE: '100000' };

// goalMs: issue 9's p50 goals end to end.
const cases = [
  { slug: 'write-bash-script-pulls-specified-docker', file: 'write-bash-script-pulls-specified-docker/reference.sh', goalMs: 100 },
  { slug: 'write-python-function-compare-manifests-old', file: 'write-python-function-compare-manifests-old/reference.py', goalMs: 80 },
  { slug: 'explain-canary-releases-contrast-blue-green', file: 'explain-canary-releases-contrast-blue-green/model-answer.md', goalMs: 50 },
];


// A browser's cookie jar: next-auth's session lives in cookies.
const browser = new Browser(base);
const http = (pathname: string, init: RequestInit = {}) => browser.request(pathname, init);

// A write is JSON from this site (CSRF, docs/decisions/008); anything but the expected status is a
// broken bench, said plainly instead of a TypeError further down.
async function json(response: Response, expected: number) {
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${response.url}: HTTP ${response.status} (expected ${expected}): ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${base}/api/topics`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the app did not start');
}

const TIMINGS = process.env.GRADING_TIMINGS === '1';
// What anything else on the machine costs, measured before the app starts (whose own idle timers
// then count with its work), subtracted from each case's CPU figure.
const baselineRate = await idleBusyRate();
const cores = os.cpus().length;
const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, stdio: ['ignore', TIMINGS ? 'pipe' : 'ignore', 'inherit'] });
// The worker's and the web process's timing lines by attempt id (GRADING_TIMINGS=1).
const workerMarks = new Map<string, Record<string, number>>();
let pending = '';
app.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const at = line.indexOf('grading-timings ');
    if (at < 0) continue;
    const marks = JSON.parse(line.slice(at + 'grading-timings '.length));
    // The worker's line and the web process's (the long-poll's wake-up and final read).
    workerMarks.set(marks.attemptId, { ...workerMarks.get(marks.attemptId), ...marks });
  }
});
// Each step's duration, from the end of the one before (ms); the first starts at the POST.
const STEPS = [
  ['POST answered', 'accepted', 'started'],
  ['worker woken', 'woken', 'started'],
  ['claim', 'claimed', 'claimStarted'],
  ['load', 'loaded', 'claimed'],
  ['grade', 'graded', 'loaded'],
  ['  of which grader', 'graderMs', null],
  ['record', 'recorded', 'graded'],
  ['long-poll answered', 'answered', 'recorded'],
  ['  of which web woken', 'pollWoken', 'recorded'],
  ['  final read', 'pollRead', 'pollWoken'],
  ['  response received', 'answered', 'pollRead'],
] as const;
function breakdown(samples: Record<string, number>[]) {
  return STEPS.map(([name, to, from]) => {
    const values = samples.filter((s) => s[to] !== undefined && (from === null || s[from] !== undefined)).map((s) => s[to]! - (from === null ? 0 : s[from]!));
    return `${name} ${values.length ? percentile(values, 50).toFixed(1) : '?'}`;
  }).join(', ');
}
try {
  await waitForServer();
  const email = `bench-${Date.now()}@example.test`;
  const password = 'bench-password-123';
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', '--email', email, '--password', password], { env, stdio: 'ignore' });
  await browser.signIn(email, password);
  if (!(await (await http('/api/auth/session')).json()).user) throw new Error('sign-in failed');

  const { questions } = await json(await http('/api/questions?topic=production-deployments-and-operations'), 200);
  const waiting = POLL_MS > 0 ? `polled every ${POLL_MS} ms` : 'long-poll ?wait=25';
  console.log(`the machine before the app started: ${(baselineRate * 1000).toFixed(0)} ms of CPU a second (subtracted from the CPU figures below)`);
  // Steady-state latency: the first kind measured would otherwise share the CPU with the app's
  // own start-up (grading processes warming up) for half its submissions.
  const settled = await waitForQuiet(baselineRate);
  console.log(`the app ${settled.quiet ? 'settled' : 'had not settled'} ${(settled.waitedMs / 1000).toFixed(1)} s after signing in (the machine back near its idle CPU) before the first submission`);
  for (const thinkMs of PACES) {
    const pace = thinkMs > 0 ? `, ${thinkMs} ms between a result and the next submission` : ', back to back';
    console.log(`end-to-end grading latency, ${iterations} sequential submissions each (POST → result readable by GET, ${waiting}${pace})`);
    console.log(['question', 'p50 ms', 'p95 ms', 'status', 'goal p50'].join('\t'));
    for (const c of cases) {
      const question = questions.find((q: { slug: string }) => q.slug === c.slug);
      const answer = readFileSync(path.join(content, c.file), 'utf8');
      const samples: number[] = [];
      const clientMarks: { id: string; started: number; accepted: number; answered: number }[] = [];
      let status = '';
      let cost: ReturnType<typeof costStretch> | null = null;
      const speedBefore = await hostSpeedMs();
      // CPU over the later half only: the app's first submissions of a kind cost more (V8 compiles
      // their code paths as they run; written answers: about 85 ms over 20 submissions, 46 over 300).
      const costFrom = Math.max(1, Math.floor(iterations / 2));
      for (let i = 0; i <= iterations; i++) {
        if (i === costFrom) cost = costStretch(baselineRate);
        const started = performance.now();
        const startedAt = Date.now();
        const created = await http('/api/attempts', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ questionId: question.id, answer }),
        });
        const { id } = await json(created, 202);
        const acceptedAt = Date.now();
        for (;;) {
          const query = POLL_MS > 0 ? '' : '?wait=25';
          const { attempt } = await json(await http(`/api/attempts/${id}${query}`), 200);
          if (!['QUEUED', 'RUNNING'].includes(attempt.status)) {
            status = attempt.status;
            break;
          }
          if (POLL_MS > 0) await new Promise((r) => setTimeout(r, POLL_MS));
        }
        // The first submission warms the server's routes up.
        if (i > 0) samples.push(performance.now() - started);
        if (i > 0) clientMarks.push({ id, started: startedAt, accepted: acceptedAt, answered: Date.now() });
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs));
      }
      const cpuMs = cost ? cost(iterations - costFrom + 1) : 0;
      const p50 = percentile(samples, 50);
      console.log([c.slug, p50.toFixed(1), percentile(samples, 95).toFixed(1), status, `≤ ${c.goalMs} ms: ${p50 <= c.goalMs ? 'met' : 'not met'}`].join('\t'));
      // Think time included: the next warm jails start in it. Back to back, the submissions cannot
      // follow each other faster than the machine can do this much work on its cores.
      console.log(`  host CPU per submission ${cpuMs.toFixed(0)} ms (every process, idle baseline subtracted); on ${cores} cores, back to back no faster than ${(cpuMs / cores).toFixed(0)} ms each on average`);
      console.log(`  the machine's speed: ${speedBefore.toFixed(0)} ms before, ${(await hostSpeedMs()).toFixed(0)} ms after (a fixed piece of work on every core at once, lower is quicker)`);
      if (TIMINGS) {
        // The worker's line may trail the long-poll's answer by a moment.
        await new Promise((r) => setTimeout(r, 200));
        const joined = clientMarks.map(({ id, ...marks }) => ({ ...marks, ...workerMarks.get(id) }));
        console.log(`  p50 steps (ms): ${breakdown(joined)}`);
      }
    }
  }
} finally {
  app.kill('SIGTERM');
  await new Promise((resolve) => app.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
