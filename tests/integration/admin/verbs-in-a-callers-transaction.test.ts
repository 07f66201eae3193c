// A curation verb given a caller's transaction writes inside it (src/server/curation/in-transaction.ts):
// the caller's rollback takes the verb's row and its audit entry with it, and a verb given the
// client opens a transaction of its own. Prisma 7's transaction client still has $transaction (it
// nests), so the verbs now tell the two apart the way the queue does (isTransactionClient) and run
// plainly in the caller's transaction rather than relying on Prisma's nesting.
import { beforeEach, expect, it } from 'vitest';
import { createTopic } from '@/server/curation/create-topic';
import { isTransactionClient, prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin } from './fixtures';

let admin: { id: string };

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
});

const input = (slug: string) => ({ slug, name: 'Incidents', description: 'On call and postmortems.', published: true });

it('tells a transaction client from the client', async () => {
  expect(isTransactionClient(prisma)).toBe(false);
  await prisma.$transaction(async (tx) => expect(isTransactionClient(tx)).toBe(true));
});

it("writes inside the caller's transaction: the caller's rollback undoes the row and its audit entry", async () => {
  const rolledBack = new Error('the caller changed its mind');
  await expect(
    prisma.$transaction(async (tx) => {
      await createTopic({ actor: admin, input: input('incidents') }, tx);
      // Visible inside the caller's transaction, not yet to anyone else.
      expect(await tx.topic.count({ where: { slug: 'incidents' } })).toBe(1);
      expect(await prisma.topic.count({ where: { slug: 'incidents' } })).toBe(0);
      throw rolledBack;
    }),
  ).rejects.toBe(rolledBack);
  expect(await prisma.topic.count({ where: { slug: 'incidents' } })).toBe(0);
  expect(await prisma.auditLog.count({ where: { action: 'topic.create' } })).toBe(0);
});

it('opens its own transaction when given the client: row and audit entry commit together', async () => {
  await createTopic({ actor: admin, input: input('incidents') });
  expect(await prisma.topic.count({ where: { slug: 'incidents' } })).toBe(1);
  expect(await prisma.auditLog.count({ where: { action: 'topic.create' } })).toBe(1);
});
