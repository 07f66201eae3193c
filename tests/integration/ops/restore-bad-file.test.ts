// `npm run db:restore -- <file>` with a file that is not a backup says so in one sentence, before
// touching any database: a missing file was an unhandled 'error' stack trace, a file that is not
// gzip said "incorrect header check".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDatabase } from '@/server/database/restore-database';

const dir = mkdtempSync(path.join(os.tmpdir(), 'restore-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Never reached: every file here is refused before a connection is made.
const url = 'postgresql://nobody@127.0.0.1:1/none';

describe('restoreDatabase with a file that is not a backup', () => {
  it('names a missing file', async () => {
    const file = path.join(dir, 'nonexistent.gz');
    await expect(restoreDatabase({ url, file })).rejects.toThrow(`${file} does not exist.`);
  });

  it('names a directory', async () => {
    await expect(restoreDatabase({ url, file: dir })).rejects.toThrow(`${dir} is a directory, not a backup made by npm run db:backup.`);
  });

  it('says a file that is not gzip is not a backup', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'hello\n');
    await expect(restoreDatabase({ url, file })).rejects.toThrow(`${file} is not a backup made by npm run db:backup.`);
  });

  it('says a gzip file of something else is not a backup', async () => {
    const file = path.join(dir, 'other.gz');
    writeFileSync(file, gzipSync('hello world\n'));
    await expect(restoreDatabase({ url, file })).rejects.toThrow(/is not a backup made by npm run db:backup/);
  });
});
