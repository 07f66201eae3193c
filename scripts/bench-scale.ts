// `npm run bench:scale`: time to first byte of the catalog with the seed bank, then with 10 000
// generated questions in 100 topics (scripts/lib/generate-bank.ts) added, on the app as
// `npm start` runs it (production build, embedded Postgres). Each URL is asked BENCH_REQUESTS
// (default 40) times one after another, anonymous and signed in; medians and p90 are printed,
// with /api/health as the floor of the same run. Goal: topic pages and GET /api/questions at
// TTFB p50 < 50 ms with the big bank.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/server/users/password';
import { Browser, percentile, startBenchApp } from './lib/bench-app';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'bench:scale', usage: 'usage: npm run bench:scale   (settings from the environment: BENCH_REQUESTS (40), BENCH_PORT; builds the app into .next; takes no arguments)', options: {} });

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const PORT = Number(process.env.BENCH_PORT ?? 3215);
const PASSWORD = 'scale-test-password-123';

async function ttfb(browser: Browser, pathname: string): Promise<{ p50: number; p90: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i <= REQUESTS; i++) {
    const started = performance.now();
    const response = await browser.request(pathname);
    const first = performance.now() - started;
    status = response.status;
    await response.arrayBuffer();
    // The first request warms the route up.
    if (i > 0) times.push(first);
  }
  return { p50: percentile(times, 50), p90: percentile(times, 90), status };
}

console.log(`bench:scale — TTFB, ${REQUESTS} sequential requests per URL; machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (shared: compare with the /api/health floor)`);
const app = await startBenchApp({ port: PORT, env: { WORKERS: '1' } });
try {
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  await db.query(`INSERT INTO "User" (id, email, "passwordHash", role, "createdAt", "updatedAt") VALUES (gen_random_uuid(), 'scale@example.test', $1, 'CANDIDATE', now(), now())`, [await hashPassword(PASSWORD)]);
  const seedTopic = (await db.query<{ slug: string }>(`SELECT slug FROM "Topic" ORDER BY slug LIMIT 1`)).rows[0]!.slug;
  const anonymous = new Browser(app.base);
  const member = new Browser(app.base);
  if (!(await member.signIn('scale@example.test', PASSWORD))) throw new Error('could not sign in');

  const measure = async (label: string, topic: string, question: string) => {
    const urls = {
      'GET /api/health (floor)': '/api/health',
      'GET / (home)': '/',
      'GET /topics/[slug]': `/topics/${topic}`,
      'GET /topics/[slug]?page=2': `/topics/${topic}?page=2`,
      'GET /api/questions': `/api/questions?topic=${topic}`,
      'GET /api/questions&page=2': `/api/questions?topic=${topic}&page=2`,
      'GET /questions/[slug]': `/questions/${question}`,
    };
    console.log(`\n${label}`);
    console.log(['url', 'anon p50', 'anon p90', 'member p50', 'member p90', 'status'].map((c, i) => (i === 0 ? c.padEnd(30) : c.padStart(11))).join(''));
    for (const [name, url] of Object.entries(urls)) {
      const a = await ttfb(anonymous, url);
      const m = await ttfb(member, url);
      console.log([name.padEnd(30), a.p50.toFixed(1), a.p90.toFixed(1), m.p50.toFixed(1), m.p90.toFixed(1), `${a.status}/${m.status}`].map((c, i) => (i === 0 ? c : c.padStart(11))).join(''));
    }
  };

  const seedQuestion = (await db.query<{ slug: string }>(`SELECT q.slug FROM "Question" q JOIN "Topic" t ON t.id = q."topicId" WHERE t.slug = $1 LIMIT 1`, [seedTopic])).rows[0]!.slug;
  await measure(`seed bank only (${(await db.query(`SELECT count(*) FROM "Question"`)).rows[0].count} questions), topic ${seedTopic}`, seedTopic, seedQuestion);

  process.env.DATABASE_URL = app.databaseUrl;
  const { prisma } = await import('../src/server/db');
  const { generateBank } = await import('./lib/generate-bank');
  const rubric = JSON.parse(readFileSync(path.join('seeds', 'content', 'explain-canary-releases-contrast-blue-green', 'rubric.json'), 'utf8')) as object;
  const started = performance.now();
  await generateBank({ topics: 100, questions: 10_000, users: 200, attemptsPerUser: 50, rubric }, prisma);
  console.log(`\ngenerated 10 000 questions in 100 topics with 10 000 attempts in ${Math.round(performance.now() - started)} ms`);
  await prisma.$disconnect();
  await measure(`with the generated bank (${(await db.query(`SELECT count(*) FROM "Question"`)).rows[0].count} questions), topic gen-topic-050 (100 questions, 2 pages)`, 'gen-topic-050', 'gen-q-05000');
  await db.end();
} finally {
  await app.stop();
}
process.exit(0);
