// Gets a migrated, seeded database: the one in DATABASE_URL, or the embedded one.
import path from 'node:path';
import { applyMigrations } from '../../src/server/database/apply-migrations';
import { startEmbeddedPostgres } from '../../src/server/database/start-embedded-postgres';

// REHEARSE_DATA_DIR lets the e2e suite run on a throwaway database beside a developer's own.
export const DATA_DIR = path.resolve(process.env.REHEARSE_DATA_DIR ?? '.data');

export async function prepareDatabase({ log, seed = true }: { log: (line: string) => void; seed?: boolean }) {
  let stop = async () => {};
  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(DATA_DIR, 'postgres'),
      port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
      log,
    });
    process.env.DATABASE_URL = embedded.url;
    stop = embedded.stop;
    log(`embedded Postgres running on port ${embedded.port} (data in ${path.relative(process.cwd(), embedded.dataDir)})`);
  } else {
    log('using the database in DATABASE_URL');
  }
  const { applied } = await applyMigrations(process.env.DATABASE_URL!, { log });
  if (applied.length === 0) log('migrations up to date');
  if (seed) {
    // Imported late: the Prisma client reads DATABASE_URL when its module loads.
    const { isBankEmpty, seedBank } = await import('../../src/server/seeding/seed-bank');
    if (await isBankEmpty()) {
      const summaries = await seedBank();
      for (const s of summaries) log(`seeded topic ${s.topic}: ${s.created} new questions`);
    }
  }
  return { url: process.env.DATABASE_URL!, stop };
}
