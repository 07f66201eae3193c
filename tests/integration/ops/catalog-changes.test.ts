// An admin's change reaches every web process (src/server/cache/catalog-changes.ts): the write
// announces itself on the catalog channel once it has committed (inside a caller's transaction:
// when that one commits, never on rollback; from a CLI command: before it exits), and a web
// process's listener drops its copies on any other process's announcement, never on its own, and
// whenever it starts listening again (announcements may have been missed meanwhile).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { exportBundle, serializeBundle } from '@/server/bundles/export-bundle';
import { cacheGeneration } from '@/server/cache/cache-generation';
import { CATALOG_CHANGED_CHANNEL, forgetCatalogCopies, processOrigin } from '@/server/cache/catalog-changes';
import { listenCatalogChanges, type CatalogListener } from '@/server/cache/listen-catalog-changes';
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { createTopic } from '@/server/curation/create-topic';
import { prisma } from '@/server/db';
import { requireDatabaseUrl } from '@/server/env';
import { resetDatabase } from '../../support/reset-database';

// Another process's connection: it hears every announcement (into `heard`, emptied before each
// test) and sends the ones the listener tests need.
let other: pg.Client;
let heard: string[] = [];
let listener: CatalogListener | null = null;

beforeAll(async () => {
  other = new pg.Client({ connectionString: requireDatabaseUrl() });
  await other.connect();
  other.on('notification', (message) => message.channel === CATALOG_CHANGED_CHANNEL && heard.push(message.payload ?? ''));
  await other.query(`LISTEN ${CATALOG_CHANGED_CHANNEL}`);
});
afterAll(() => other.end());
beforeEach(async () => {
  await resetDatabase();
  heard = [];
});
afterEach(async () => {
  await listener?.close();
  listener = null;
});

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

it("announces a committed write with this process's origin", async () => {
  const admin = await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } });
  await createTopic({ actor: admin, input: { slug: 'incidents', name: 'Incidents', description: 'On call.', published: true } });
  expect(await until(() => heard.length > 0)).toBe(true);
  expect(heard).toEqual([processOrigin()]);
});

it("announces a verb run inside a caller's transaction when that transaction commits, and never on rollback", async () => {
  const admin = await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } });
  const rolledBack = new Error('the caller changed its mind');
  await expect(
    prisma.$transaction(async (tx) => {
      await createTopic({ actor: admin, input: { slug: 'drafts', name: 'Drafts', description: 'Never kept.', published: true } }, tx);
      throw rolledBack;
    }),
  ).rejects.toBe(rolledBack);
  await prisma.$transaction(async (tx) => {
    await createTopic({ actor: admin, input: { slug: 'incidents', name: 'Incidents', description: 'On call.', published: true } }, tx);
    // Still inside the caller's transaction: another server re-reading now would cache the old rows.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual([]);
  });
  expect(await until(() => heard.length > 0)).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(heard).toEqual([processOrigin()]);
});

it('announces a CLI import to the running web servers before the command exits', async () => {
  const admin = await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } });
  await createTopic({ actor: admin, input: { slug: 'incidents', name: 'Incidents', description: 'On call.', published: true } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-bundle-'));
  const file = path.join(dir, 'incidents.json');
  writeFileSync(file, serializeBundle(await exportBundle({ input: { slug: 'incidents' } })));
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bank-import.ts', file], { env: { ...process.env, DATABASE_URL: requireDatabaseUrl() } });
    // Its own process's announcements (the topic made above) do not count.
    expect(await until(() => heard.some((origin) => origin !== processOrigin()), 2_000)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it("drops its copies once it listens, then on another process's announcement, not on its own", async () => {
  let changes = 0;
  listener = listenCatalogChanges({ databaseUrl: requireDatabaseUrl(), onChange: () => changes++, log: () => {} });
  await listener.ready;
  // Pages cached before the LISTEN was in place may have missed an announcement.
  expect(changes).toBe(1);
  await other.query('SELECT pg_notify($1, $2)', [CATALOG_CHANGED_CHANNEL, processOrigin()]);
  await other.query('SELECT pg_notify($1, $2)', [CATALOG_CHANGED_CHANNEL, 'another-replica']);
  expect(await until(() => changes > 1)).toBe(true);
  // The second announcement arrived after the first; only it counted.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(changes).toBe(2);
});

it('reconnects after losing its connection, and counts that as a change', async () => {
  let changes = 0;
  const logged: string[] = [];
  listener = listenCatalogChanges({ databaseUrl: requireDatabaseUrl(), onChange: () => changes++, log: (line) => logged.push(line), retryMs: 50 });
  await listener.ready;
  const before = changes;
  await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN ${CATALOG_CHANGED_CHANNEL}' AND pid <> pg_backend_pid()`);
  expect(await until(() => changes === before + 1)).toBe(true);
  expect(logged.some((line) => line.includes('reconnecting'))).toBe(true);
  // Listening again: a later announcement still arrives.
  await other.query('SELECT pg_notify($1, $2)', [CATALOG_CHANGED_CHANNEL, 'another-replica']);
  expect(await until(() => changes === before + 2)).toBe(true);
});

it('starts a new generation of cached reads when it forgets its copies', () => {
  const before = cacheGeneration();
  forgetCatalogCopies();
  expect(cacheGeneration()).not.toBe(before);
});

it('starts a new generation in the acting process on a change to everything, and keeps it on a scoped change', async () => {
  const admin = await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } });
  const before = cacheGeneration();
  await invalidateCatalog({ scope: { topicSlugs: ['incidents'] } });
  expect(cacheGeneration()).toBe(before);
  await createTopic({ actor: admin, input: { slug: 'incidents', name: 'Incidents', description: 'On call.', published: true } });
  expect(cacheGeneration()).not.toBe(before);
});
