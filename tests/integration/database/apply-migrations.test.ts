import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '@/server/database/apply-migrations';

const serverUrl = process.env.DATABASE_URL!;
let url: string;
let admin: pg.Client;
const name = `rehearse_migrations_${process.pid}`;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  url = u.toString();
});

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('applyMigrations', () => {
  it('applies every migration once and records it the way prisma migrate deploy does', async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await applyMigrations(url);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const second = await applyMigrations(url);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await client.end();
    expect(rows).toHaveLength(migrations.length);
    for (const [i, row] of rows.entries()) {
      const file = path.join(process.cwd(), 'prisma', 'migrations', row.migration_name, 'migration.sql');
      // Prisma's checksum is the sha256 of the file's bytes, in hex.
      expect(row.checksum).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
      expect(row.migration_name).toBe(migrations[i]!.name);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('rolls back a failing migration completely and names it', async () => {
    const dir = path.join(process.cwd(), 'tests', 'integration', 'database', 'fixtures', 'broken-migrations');
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/Migration 20990101000000_broken failed: .*does_not_exist/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const table = await client.query(`SELECT to_regclass('"HalfDone"') AS t`);
    const row = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20990101000000_broken'`);
    await client.end();
    expect(table.rows[0].t).toBeNull();
    expect(row.rowCount).toBe(0);
  });
});
