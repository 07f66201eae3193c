// A logical backup of the application's data as gzipped JSON lines, from one consistent snapshot
// (REPEATABLE READ): a header naming the applied migrations, every row of every table (parents
// first) and a footer with the row counts. Plain SQL over the normal connection, so it needs no
// pg_dump (the embedded Postgres ships none) and works the same on a managed server.
// See docs/decisions/009-operations.md.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { listAppTables } from './list-app-tables';

export const BACKUP_FORMAT = 'rehearse-backup@1';
const BATCH = 1_000;

export type BackupHeader = { format: typeof BACKUP_FORMAT; createdAt: string; migrations: { name: string; checksum: string }[]; tables: string[] };
export type BackupSummary = { file: string; rows: Record<string, number> };

export async function backupDatabase({ url, file }: { url: string; file: string }): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await listAppTables(client);
    const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    async function* lines() {
      const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations, tables };
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        rows[table] = 0;
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM "${table}" t`);
        for (;;) {
          const { rows: batch } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM backup_rows`);
          if (batch.length === 0) break;
          rows[table] += batch.length;
          yield batch.map((r) => `{"t":${JSON.stringify(table)},"r":${r.row}}\n`).join('');
        }
        await client.query('CLOSE backup_rows');
      }
      yield `${JSON.stringify({ end: true, rows })}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return { file, rows };
}
