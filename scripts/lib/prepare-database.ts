// Gets a migrated (and, for the app, seeded) database: the one in DATABASE_URL; else the embedded
// Postgres that `npm start` is already running on the data folder; else a newly started one.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../src/server/database/apply-migrations';
import { startEmbeddedPostgres } from '../../src/server/database/start-embedded-postgres';

// REHEARSE_DATA_DIR lets the e2e suite run on a throwaway database beside a developer's own.
export const DATA_DIR = path.resolve(process.env.REHEARSE_DATA_DIR ?? '.data');
// Written while an embedded server runs, so `npm run user:create` etc. can use it meanwhile.
const RUNNING_FILE = path.join(DATA_DIR, 'postgres.json');

async function runningEmbeddedUrl(): Promise<string | null> {
  if (!existsSync(RUNNING_FILE)) return null;
  const { url } = JSON.parse(readFileSync(RUNNING_FILE, 'utf8')) as { url: string };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function prepareDatabase({ log, seed = true }: { log: (line: string) => void; seed?: boolean }) {
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    log('using the database in DATABASE_URL');
  } else {
    const running = await runningEmbeddedUrl();
    if (running) {
      process.env.DATABASE_URL = running;
      log('using the embedded Postgres that is already running');
    } else {
      const embedded = await startEmbeddedPostgres({
        dataDir: path.join(DATA_DIR, 'postgres'),
        port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
        log,
      });
      process.env.DATABASE_URL = embedded.url;
      writeFileSync(RUNNING_FILE, JSON.stringify({ url: embedded.url, pid: process.pid }));
      stop = async () => {
        rmSync(RUNNING_FILE, { force: true });
        await embedded.stop();
      };
      log(`embedded Postgres running on port ${embedded.port} (data in ${path.relative(process.cwd(), embedded.dataDir)})`);
    }
  }
  const { applied } = await applyMigrations(process.env.DATABASE_URL!, { log });
  if (applied.length === 0) log('migrations up to date');
  if (seed) {
    // Imported late: the Prisma client reads DATABASE_URL when its module loads.
    const { isBankEmpty, seedBank, seedMissingContent } = await import('../../src/server/seeding/seed-bank');
    if (await isBankEmpty()) {
      const summaries = await seedBank();
      for (const s of summaries) log(`seeded topic ${s.topic}: ${s.created} new questions`);
    } else {
      const { created } = await seedMissingContent();
      if (created.length) log(`added grading material for ${created.join(', ')}`);
    }
  }
  return { url: process.env.DATABASE_URL!, stop };
}
