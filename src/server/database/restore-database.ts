// Restores a backup made by backupDatabase into a database: the schema is rebuilt with exactly the
// migrations the backup was taken at, the rows go in (parents first) in one transaction and are
// counted against the backup's footer, then any newer migrations of this checkout run on top.
// A database that holds data is only replaced with `force`.
import { createReadStream } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from './apply-migrations';
import { BACKUP_FORMAT, type BackupHeader } from './backup-database';
import { listAppTables } from './list-app-tables';

const BATCH = 500;

async function hasData(client: pg.Client): Promise<boolean> {
  for (const table of await listAppTables(client)) {
    const { rowCount } = await client.query(`SELECT 1 FROM "${table}" LIMIT 1`);
    if (rowCount) return true;
  }
  return false;
}

// Applies only the migrations the backup was taken at, so its rows fit the tables exactly.
async function migrateTo(url: string, migrations: BackupHeader['migrations']): Promise<void> {
  const local = new Map((await readMigrations(MIGRATIONS_DIR)).map((m) => [m.name, m.checksum]));
  for (const m of migrations) {
    if (local.get(m.name) !== m.checksum) {
      throw new Error(`The backup was taken at migration ${m.name}, which this checkout ${local.has(m.name) ? 'has with different contents' : 'does not have'}. Restore it with the version of Rehearse that made it.`);
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rehearse-restore-'));
  try {
    await Promise.all(migrations.map((m) => cp(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true })));
    await applyMigrations(url, { dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Line = { t?: string; r?: unknown; end?: true; rows?: Record<string, number> };

// pipeline, not pipe: a file that cannot be read (missing, a directory, no permission) fails the
// gunzip stream and so the lines, instead of an unhandled 'error' on the file stream.
function openLines(file: string) {
  const input = createInterface({ input: pipeline(createReadStream(file), createGunzip(), () => {}), crlfDelay: Infinity });
  return { lines: input[Symbol.asyncIterator](), close: () => input.close() };
}

// Reads the whole file once before anything is dropped: a truncated or foreign file must never
// cost the data it was meant to replace.
async function verifyBackup(file: string): Promise<BackupHeader> {
  const { lines, close } = openLines(file);
  let headerRead = false;
  try {
    const first = await lines.next();
    let header: BackupHeader | null;
    try {
      header = (first.done ? null : JSON.parse(first.value)) as BackupHeader | null;
    } catch {
      header = null;
    }
    if (header?.format !== BACKUP_FORMAT) throw new Error(`${file} is not a backup made by npm run db:backup (expected format ${BACKUP_FORMAT}).`);
    headerRead = true;
    const counted: Record<string, number> = {};
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if (!next.value) continue;
      const line = JSON.parse(next.value) as Line;
      if (line.end) {
        for (const name of header.tables) {
          if ((counted[name] ?? 0) !== (line.rows?.[name] ?? 0)) throw new Error(`${file} is damaged: table ${name} has ${counted[name] ?? 0} rows, its footer says ${line.rows?.[name] ?? 0}.`);
        }
        return header;
      }
      if (!line.t || !header.tables.includes(line.t)) throw new Error(`${file} names a table that is not in its header: ${String(line.t)}`);
      counted[line.t] = (counted[line.t] ?? 0) + 1;
    }
    throw new Error(`${file} ends early (no footer): the backup is incomplete.`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${file} does not exist.`);
    if (code === 'EISDIR') throw new Error(`${file} is a directory, not a backup made by npm run db:backup.`);
    if (code === 'EACCES') throw new Error(`${file} cannot be read (permission denied).`);
    // Not gzip at all (zlib: "incorrect header check").
    if (code === 'Z_DATA_ERROR' && !headerRead) throw new Error(`${file} is not a backup made by npm run db:backup.`);
    if (error instanceof SyntaxError || code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
      throw new Error(`${file} is damaged: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    close();
  }
}

export async function restoreDatabase({ url, file, force = false }: { url: string; file: string; force?: boolean }): Promise<{ rows: Record<string, number>; migrated: string[] }> {
  const header = await verifyBackup(file);
  const { lines, close } = openLines(file);
  await lines.next();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    if (!force && (await hasData(client))) {
      throw new Error('The target database holds data. Stop the app and pass --force to replace everything in it with the backup.');
    }
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
    await migrateTo(url, header.migrations);

    await client.query('BEGIN');
    let table = '';
    let batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(batch)]);
      rows[table] = (rows[table] ?? 0) + batch.length;
      batch = [];
    };
    let footer: { end: true; rows: Record<string, number> } | null = null;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if (!next.value) continue;
      const line = JSON.parse(next.value) as Line;
      if (line.end) {
        footer = line as { end: true; rows: Record<string, number> };
        break;
      }
      if (!line.t || !header.tables.includes(line.t)) throw new Error(`${file} names a table that is not in its header: ${String(line.t)}`);
      if (line.t !== table || batch.length >= BATCH) {
        await flush();
        table = line.t;
      }
      batch.push(line.r);
    }
    await flush();
    if (!footer) throw new Error(`${file} ends early (no footer): the backup is incomplete.`);
    for (const name of header.tables) {
      if ((rows[name] ?? 0) !== (footer.rows[name] ?? 0)) throw new Error(`Table ${name}: restored ${rows[name] ?? 0} rows, the backup holds ${footer.rows[name] ?? 0}.`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
    close();
  }
  // Newer migrations of this checkout, on top of the restored data.
  const { applied } = await applyMigrations(url);
  return { rows, migrated: applied };
}
