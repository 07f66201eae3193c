// db:backup / db:restore round trip on the real Postgres: every row of every table comes back
// identical (enums, arrays, JSON, timestamps, awkward text), a database holding data is only
// replaced with force, and a damaged backup is refused before anything is dropped.
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttempt } from '@/server/attempts/create-attempt';
import { backupDatabase } from '@/server/database/backup-database';
import { listAppTables } from '@/server/database/list-app-tables';
import { restoreDatabase } from '@/server/database/restore-database';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

const sourceUrl = process.env.DATABASE_URL!;
const targetName = `rehearse_restore_${process.pid}`;
const targetUrl = (() => {
  const url = new URL(sourceUrl);
  url.pathname = `/${targetName}`;
  return url.toString();
})();
let dir: string;

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function snapshot(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const result: Record<string, string[]> = {};
    for (const table of await listAppTables(client)) {
      const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`);
      result[table] = rows.map((r) => r.row).sort();
    }
    return result;
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-backup-'));
  await withClient(sourceUrl, (c) => c.query(`CREATE DATABASE ${targetName}`));
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops “quotes” \\ and\nnewlines', description: 'émoji 🚀, tab\t, $1' }, select: { id: true } });
  const question = await prisma.question.create({
    data: { slug: 'q1', topicId: topic.id, prompt: '# Markdown\n\n```sh\necho "hi"\n```', difficulty: 'HARD', type: 'SYSTEM_DESIGN', answerKind: 'WRITTEN', tags: ['a', 'b,c', 'd"e'] },
    select: { id: true },
  });
  await prisma.questionVersion.create({ data: { questionId: question.id, version: 1, publishedAt: new Date('2026-01-02T03:04:05.678Z'), rubric: { concepts: [{ id: 'x', weight: 2 }] } } });
  const user = await prisma.user.create({ data: { email: 'backup@example.com', passwordHash: '$argon2id$v=19$fake' }, select: { id: true } });
  await createAttempt({ actor: { id: user.id, role: 'CANDIDATE' }, input: { questionId: question.id, answer: 'my answer, with "quotes"' } });
  await prisma.auditLog.create({ data: { actorId: user.id, action: 'test', entity: 'topic', entityId: topic.id } });
});

afterAll(async () => {
  await withClient(sourceUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`));
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every row of every table into an empty database', async () => {
    const file = path.join(dir, 'one.jsonl.gz');
    const { rows } = await backupDatabase({ url: sourceUrl, file });
    expect(rows).toMatchObject({ Topic: 1, Question: 1, QuestionVersion: 1, User: 1, Attempt: 1, GradingJob: 1, AuditLog: 1 });

    const restored = await restoreDatabase({ url: targetUrl, file });
    expect(restored.rows).toEqual(Object.fromEntries(Object.entries(rows).filter(([, n]) => n > 0)));
    const [source, target] = await Promise.all([snapshot(sourceUrl), snapshot(targetUrl)]);
    expect(Object.keys(target).sort()).toEqual(Object.keys(source).sort());
    expect(target).toEqual(source);
    const migrations = await withClient(targetUrl, (c) => c.query('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL'));
    expect(migrations.rowCount).toBeGreaterThan(0);
  });

  it('replaces a database that holds data only with force', async () => {
    const file = path.join(dir, 'two.jsonl.gz');
    await backupDatabase({ url: sourceUrl, file });
    await expect(restoreDatabase({ url: targetUrl, file })).rejects.toThrow(/holds data.*--force/);
    await withClient(targetUrl, (c) => c.query(`DELETE FROM "AuditLog"`));
    await restoreDatabase({ url: targetUrl, file, force: true });
    expect(await snapshot(targetUrl)).toEqual(await snapshot(sourceUrl));
  });

  it('refuses a truncated backup before dropping anything', async () => {
    const file = path.join(dir, 'three.jsonl.gz');
    await backupDatabase({ url: sourceUrl, file });
    const lines: string[] = [];
    const gunzip = createReadStream(file).pipe(createGunzip());
    let text = '';
    for await (const chunk of gunzip) text += String(chunk);
    lines.push(...text.trim().split('\n'));
    const truncated = path.join(dir, 'truncated.jsonl.gz');
    await pipeline(Readable.from([lines.slice(0, -2).join('\n') + '\n']), createGzip(), createWriteStream(truncated));

    const before = await snapshot(targetUrl);
    await expect(restoreDatabase({ url: targetUrl, file: truncated, force: true })).rejects.toThrow(/incomplete|damaged/);
    expect(await snapshot(targetUrl)).toEqual(before);
  });
});
