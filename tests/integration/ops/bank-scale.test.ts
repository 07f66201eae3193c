// The bank at scale: 10 000 generated questions in 100 topics (scripts/lib/generate-bank.ts), with
// 200 candidates and 10 000 graded attempts. The hot reads of the catalog and the practice loop run
// through the real verbs on a Prisma client that records the SQL it sends; each statement is then
// EXPLAINed against the same data, and a sequential scan of a big table fails the test: those
// reads must stay index lookups however large the bank grows. Topic pages and GET /api/questions
// are paged (TOPIC_PAGE_SIZE a page).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { getQuestion } from '@/server/questions/get-question';
import { listQuestions } from '@/server/questions/list-questions';
import { listQuestionStatuses } from '@/server/search/list-question-statuses';
import { searchQuestions } from '@/server/search/search-questions';
import { getTopic, TOPIC_PAGE_SIZE } from '@/server/topics/get-topic';
import { listTopics } from '@/server/topics/list-topics';
import { generateBank } from '../../../scripts/lib/generate-bank';
import { resetDatabase } from '../../support/reset-database';

const BIG_TABLES = ['Question', 'QuestionVersion', 'Attempt', 'QuestionPractice', 'GradingJob'];

type Statement = { text: string; values: unknown[] };
let recorded: Statement[] = [];
let recording = false;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
// Every query the adapter sends on a pooled connection is noted while recording.
pool.on('connect', (client) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const text = typeof first === 'string' ? first : first.text;
    const values = (typeof first === 'string' ? second : first.values) ?? [];
    if (recording && /^\s*(SELECT|WITH)\b/i.test(text)) recorded.push({ text, values });
    return query(...args);
  };
});
const db = new PrismaClient({ adapter: new PrismaPg(pool) });

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };
function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

async function explainAll(statements: Statement[]): Promise<{ text: string; scans: string[]; plan: string }[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const out = [];
    for (const { text, values } of statements) {
      const result = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${text}`, values);
      const plan = result.rows[0]!['QUERY PLAN'][0]!.Plan;
      out.push({ text, scans: seqScans(plan).filter((table) => BIG_TABLES.includes(table)), plan: JSON.stringify(plan) });
    }
    return out;
  } finally {
    await client.end();
  }
}

async function record(work: () => Promise<unknown>): Promise<Statement[]> {
  recorded = [];
  recording = true;
  try {
    await work();
  } finally {
    recording = false;
  }
  return recorded;
}

let candidateId: string;

beforeAll(async () => {
  await resetDatabase();
  const rubric = JSON.parse(readFileSync(path.join('seeds', 'content', 'explain-canary-releases-contrast-blue-green', 'rubric.json'), 'utf8')) as object;
  const made = await generateBank({ topics: 100, questions: 10_000, users: 200, attemptsPerUser: 50, rubric }, db);
  expect(made.attempts).toBeGreaterThan(9_000);
  candidateId = (await db.user.findFirstOrThrow({ where: { email: 'gen-user-1@example.com' }, select: { id: true } })).id;
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
  await resetDatabase();
});

describe('10 000 questions in 100 topics', () => {
  it('are all there, and a topic is paged', async () => {
    expect(await db.question.count()).toBe(10_000);
    const topics = await listTopics(db);
    expect(topics).toHaveLength(100);
    expect(topics.every((t) => t.questionCount === 100)).toBe(true);
    const first = await getTopic({ slug: 'gen-topic-007', page: 1 }, db);
    const second = await getTopic({ slug: 'gen-topic-007', page: 2 }, db);
    const past = await getTopic({ slug: 'gen-topic-007', page: 3 }, db);
    expect(first).toMatchObject({ questionCount: 100, page: 1, pageCount: 2 });
    expect(first!.questions).toHaveLength(TOPIC_PAGE_SIZE);
    expect(second!.questions).toHaveLength(100 - TOPIC_PAGE_SIZE);
    expect(past!.questions).toEqual([]);
    // No question on two pages, none left out.
    expect(new Set([...first!.questions, ...second!.questions].map((q) => q.id)).size).toBe(100);
    const preview = await listQuestions({ topic: 'gen-topic-007', limit: 5 }, db);
    expect(preview).toMatchObject({ total: 100, page: 1, pageCount: 1 });
    expect(preview.questions).toHaveLength(5);
    // Past the preview's one page, as past a member's last page: empty.
    const pastPreview = await listQuestions({ topic: 'gen-topic-007', limit: 5, page: 2 }, db);
    expect(pastPreview).toMatchObject({ total: 100, page: 2, pageCount: 1, questions: [] });
  });

  it('serves the hot reads without a sequential scan of a big table', { timeout: 120_000 }, async () => {
    const topic = await getTopic({ slug: 'gen-topic-042' }, db);
    const questionIds = topic!.questions.map((q) => q.id);
    const actor = { id: candidateId };
    const reads: Record<string, () => Promise<unknown>> = {
      'home: topics with counts': () => listTopics(db),
      'topic page 2': () => getTopic({ slug: 'gen-topic-042', page: 2 }, db),
      'topic preview': () => getTopic({ slug: 'gen-topic-042', limit: 5 }, db),
      'GET /api/questions': () => listQuestions({ topic: 'gen-topic-042', page: 1 }, db),
      'question page': () => getQuestion({ slug: 'gen-q-04242' }, db),
      'statuses on a topic page': () => listQuestionStatuses({ actor, input: { questionIds } }, db),
      'search by words': () => searchQuestions({ actor, input: { q: 'rollbacks payments' } }, db),
    };
    const failures: string[] = [];
    for (const [name, read] of Object.entries(reads)) {
      const statements = await record(read);
      expect(statements.length, name).toBeGreaterThan(0);
      for (const explained of await explainAll(statements)) {
        if (explained.scans.length > 0) failures.push(`${name}: Seq Scan on ${explained.scans.join(', ')}\n  ${explained.text.slice(0, 400)}\n  ${explained.plan.slice(0, 1500)}`);
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
