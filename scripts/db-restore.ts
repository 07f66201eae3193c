// `npm run db:restore -- <file> [--force]`: restores a backup made by `npm run db:backup` into
// DATABASE_URL or the embedded Postgres. Stop the app first. A database holding data is replaced
// only with --force.
import path from 'node:path';
import { restoreDatabase } from '../src/server/database/restore-database';
import { runWithDatabase } from './lib/run-with-database';

const args = process.argv.slice(2);
const force = args.includes('--force');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('[db:restore] name the backup file: npm run db:restore -- .data/backups/<file>.jsonl.gz [--force]');
  process.exit(2);
}

await runWithDatabase('db:restore', async () => {
  const { rows, migrated } = await restoreDatabase({ url: process.env.DATABASE_URL!, file: path.resolve(file), force });
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(`[db:restore] ${total} rows restored into ${Object.keys(rows).length} tables${migrated.length ? `; then applied ${migrated.join(', ')}` : ''}`);
});
