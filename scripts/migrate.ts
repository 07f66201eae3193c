// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded Postgres.
import { prepareDatabase } from './lib/prepare-database';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'db:migrate', usage: 'usage: npm run db:migrate   (applies pending migrations to DATABASE_URL, else the embedded Postgres; takes no arguments)', options: {} });

const log = (line: string) => console.log(`[migrate] ${line}`);
const db = await prepareDatabase({ log, seed: false });
await db.stop();
