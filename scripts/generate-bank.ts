// `npm run bank:generate [-- --questions 10000 --topics 100 --users 200 --attempts 50 --replace]`:
// adds a large generated bank (slugs "gen-…", not seed content) to the database of `npm start`
// (or DATABASE_URL), for scale tests and benchmarks. `--remove` takes it away again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCli } from './lib/parse-cli';
import { runWithDatabase } from './lib/run-with-database';

const { values } = parseCli({
  name: 'bank:generate',
  usage: 'usage: npm run bank:generate -- [--questions 10000] [--topics 100] [--users 200] [--attempts 50] [--replace | --remove]',
  options: {
    questions: { type: 'string', default: '10000' },
    topics: { type: 'string', default: '100' },
    users: { type: 'string', default: '200' },
    attempts: { type: 'string', default: '50' },
    replace: { type: 'boolean', default: false },
    remove: { type: 'boolean', default: false },
  },
});
const count = (name: string, value: string, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    console.error(`[bank:generate] --${name} must be a whole number from 0 to ${max}`);
    process.exit(2);
  }
  return n;
};
const options = {
  questions: count('questions', values.questions, 1_000_000),
  topics: Math.max(1, count('topics', values.topics, 999)),
  users: count('users', values.users, 100_000),
  attemptsPerUser: count('attempts', values.attempts, 10_000),
};

await runWithDatabase('bank:generate', async () => {
  const { prisma } = await import('../src/server/db');
  const { generateBank, removeGeneratedBank } = await import('./lib/generate-bank');
  const existing = await prisma.topic.count({ where: { slug: { startsWith: 'gen-topic-' } } });
  if (values.remove || (existing > 0 && values.replace)) {
    await removeGeneratedBank(prisma);
    console.log('[bank:generate] removed the generated bank');
    if (values.remove) return;
  } else if (existing > 0) {
    console.error('[bank:generate] a generated bank is already there: pass --replace (or --remove)');
    process.exitCode = 1;
    return;
  }
  const rubric = JSON.parse(readFileSync(path.join('seeds', 'content', 'explain-canary-releases-contrast-blue-green', 'rubric.json'), 'utf8')) as object;
  const started = performance.now();
  const made = await generateBank({ ...options, rubric }, prisma);
  console.log(`[bank:generate] ${made.questions} questions in ${made.topics} topics, ${made.attempts} attempts, in ${Math.round(performance.now() - started)} ms`);
});
