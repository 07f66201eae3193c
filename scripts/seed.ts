// `npm run db:seed`: imports every document in seeds/ (idempotent; counts never go down).
import { runWithDatabase } from './lib/run-with-database';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'db:seed', usage: 'usage: npm run db:seed   (imports every document in seeds/, idempotent, into DATABASE_URL or the embedded Postgres; takes no arguments)', options: {} });

await runWithDatabase(
  'seed',
  async () => {
    const { seedBank } = await import('../src/server/seeding/seed-bank');
    for (const s of await seedBank()) console.log(`[seed] ${s.topic}: ${s.created} created, ${s.updated} updated`);
  },
  { log: true },
);
