// `npm run db:restore -- <file> [--force]`: restores a backup made by `npm run db:backup` into
// DATABASE_URL or the embedded Postgres. Stop the app first. A database holding data is replaced
// only with --force.
import path from 'node:path';
import { restoreDatabase } from '../src/server/database/restore-database';
import { parseCli } from './lib/parse-cli';
import { runWithDatabase } from './lib/run-with-database';

const { positionals, values } = parseCli({
  name: 'db:restore',
  usage: 'usage: npm run db:restore -- .data/backups/<file>.jsonl.gz [--force]   (--force: replace a database that holds data)',
  options: { force: { type: 'boolean', default: false } },
  positionals: { min: 1, max: 1 },
});
const file = positionals[0]!;
const force = values.force;

await runWithDatabase('db:restore', async () => {
  const { rows, migrated } = await restoreDatabase({ url: process.env.DATABASE_URL!, file: path.resolve(file), force });
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(`[db:restore] ${total} rows restored into ${Object.keys(rows).length} tables${migrated.length ? `; then applied ${migrated.join(', ')}` : ''}`);
});
