// `npm run db:backup [-- <file>]`: a consistent logical backup of DATABASE_URL, or of the embedded
// Postgres (running or not), as gzipped JSON lines. Default file: .data/backups/rehearse-<time>.jsonl.gz
import path from 'node:path';
import { backupDatabase } from '../src/server/database/backup-database';
import { DATA_DIR } from './lib/prepare-database';
import { parseCli } from './lib/parse-cli';
import { runWithDatabase } from './lib/run-with-database';

const { positionals } = parseCli({ name: 'db:backup', usage: 'usage: npm run db:backup [-- <file>]   (default: .data/backups/rehearse-<time>.jsonl.gz)', options: {}, positionals: { min: 0, max: 1 } });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = path.resolve(positionals[0] ?? path.join(DATA_DIR, 'backups', `rehearse-${stamp}.jsonl.gz`));

await runWithDatabase('db:backup', async () => {
  const { rows } = await backupDatabase({ url: process.env.DATABASE_URL!, file });
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(`[db:backup] ${total} rows from ${Object.keys(rows).length} tables written to ${path.relative(process.cwd(), file)}`);
});
