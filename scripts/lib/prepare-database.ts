// Gets a migrated (and, for the app, seeded) database: the one in DATABASE_URL; else the embedded
// Postgres that `npm start` is already running on the data folder; else a newly started one.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { applyMigrations } from '../../src/server/database/apply-migrations';
import { isProcessAlive } from '../../src/grading/sandbox/is-process-alive';
import { keepPostgresRunning, type PostgresKeeper } from '../../src/server/database/keep-postgres-running';
import { startEmbeddedPostgres } from '../../src/server/database/start-embedded-postgres';

// REHEARSE_DATA_DIR lets the e2e suite run on a throwaway database beside a developer's own.
export const DATA_DIR = path.resolve(process.env.REHEARSE_DATA_DIR ?? '.data');
// Written while an embedded server runs, so `npm run user:create` etc. can use it meanwhile. Its
// owner marks it "stopping" as soon as it is asked to stop, so nobody starts to share a database
// that is about to go away, and removes it once the server is down. After a forced stop it stays
// behind; the owner's pid tells that apart.
const RUNNING_FILE = path.join(DATA_DIR, 'postgres.json');
const RunningFileSchema = z.object({ url: z.string(), pid: z.number().int(), state: z.enum(['running', 'stopping']).default('running') });
type RunningFile = z.infer<typeof RunningFileSchema>;

function readRunningFile(): RunningFile | null {
  try {
    return RunningFileSchema.parse(JSON.parse(readFileSync(RUNNING_FILE, 'utf8')));
  } catch {
    return null;
  }
}

function writeRunningFile(content: RunningFile) {
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(`${RUNNING_FILE}.tmp`, JSON.stringify(content));
  renameSync(`${RUNNING_FILE}.tmp`, RUNNING_FILE);
}

let owned: RunningFile | null = null;
let keeper: PostgresKeeper | null = null;

// Call first thing on SIGTERM/SIGINT: processes starting from now on start their own server (after
// this one has stopped) instead of sharing this one. The keeper stops too: where the server shares
// its owner's process group (every owner but npm start and npm run dev in a terminal), a Ctrl-C
// reaches Postgres as well, and a server that goes down with it while the children are being
// stopped is not to be started again.
export function markDatabaseStopping() {
  void keeper?.stop();
  if (owned && readRunningFile()?.pid === process.pid) writeRunningFile({ ...owned, state: 'stopping' });
}

// Shares the server only when it is up, answers a query and is not on its way down.
async function answersQueries(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function runningEmbeddedUrl(running: RunningFile | null): Promise<string | null> {
  if (!running || running.state !== 'running' || !isProcessAlive(running.pid)) return null;
  return (await answersQueries(running.url)) ? running.url : null;
}

// Where a connection string points, without its password: a worker started by `npm start` is
// given the embedded server's URL, so "DATABASE_URL" alone read as if the user had set one.
function describeDatabase(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname || 'local socket'}:${port || '5432'}${pathname}`;
  } catch {
    return 'not a URL';
  }
}

// ownProcessGroup: for an owner that stops the embedded server itself, after its other processes
// (npm start, npm run dev, in a terminal): a terminal's Ctrl-C then does not stop the database
// under them. Only in a terminal: a server in a group of its own survives a SIGKILL of its owner's
// group (a test runner's or a supervisor's clean-up), which then leaves it running.
export async function prepareDatabase({ log, seed = true, ownProcessGroup = false }: { log: (line: string) => void; seed?: boolean; ownProcessGroup?: boolean }) {
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    log(`using the database in DATABASE_URL (${describeDatabase(process.env.DATABASE_URL)})`);
  } else {
    const previous = readRunningFile();
    const running = await runningEmbeddedUrl(previous);
    if (running) {
      process.env.DATABASE_URL = running;
      log('using the embedded Postgres that is already running');
    } else {
      const embedded = await startEmbeddedPostgres({
        dataDir: path.join(DATA_DIR, 'postgres'),
        port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
        // A previous owner that is alive is stopping: wait for it. One that is gone left an orphan.
        ownerPid: previous ? (isProcessAlive(previous.pid) ? previous.pid : null) : undefined,
        ownProcessGroup,
        log,
      });
      process.env.DATABASE_URL = embedded.url;
      owned = { url: embedded.url, pid: process.pid, state: 'running' };
      writeRunningFile(owned);
      // A server that dies while this process owns it is started again (OOM killer, a crash).
      const kept = (keeper = keepPostgresRunning(embedded, { log }));
      stop = async () => {
        markDatabaseStopping();
        await kept.stop();
        await embedded.stop();
        if (readRunningFile()?.pid === process.pid) rmSync(RUNNING_FILE, { force: true });
        owned = null;
        keeper = null;
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
