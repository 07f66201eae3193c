// `npm run db:backup [-- <file>]`: a consistent logical backup of DATABASE_URL, or of the embedded
// Postgres (running or not), as gzipped JSON lines. Default file: .data/backups/rehearse-<time>.jsonl.gz
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase } from '../src/server/database/backup-database';
import { DATA_DIR } from './lib/prepare-database';
import { refuseUnwritableOutput } from './lib/output-file';
import { parseCli } from './lib/parse-cli';
import { runWithDatabase } from './lib/run-with-database';

const { positionals } = parseCli({ name: 'db:backup', usage: 'usage: npm run db:backup [-- <file>]   (default: .data/backups/rehearse-<time>.jsonl.gz)', options: {}, positionals: { min: 0, max: 1 } });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const given = positionals[0];
// The default folder is ours to create; a folder the user names must exist already.
if (given === undefined) mkdirSync(path.join(DATA_DIR, 'backups'), { recursive: true, mode: 0o700 });
const shown = given ?? path.relative(process.cwd(), path.join(DATA_DIR, 'backups', `rehearse-${stamp}.jsonl.gz`));
refuseUnwritableOutput('db:backup', shown);
const file = path.resolve(shown);

await runWithDatabase('db:backup', async () => {
  const { rows } = await backupDatabase({ url: process.env.DATABASE_URL!, file });
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(`[db:backup] ${total} rows from ${Object.keys(rows).length} tables written to ${shown}`);
});
