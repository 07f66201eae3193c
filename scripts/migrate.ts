// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded Postgres.
import { prepareDatabase } from './lib/prepare-database';

const log = (line: string) => console.log(`[migrate] ${line}`);
const db = await prepareDatabase({ log, seed: false });
await db.stop();
