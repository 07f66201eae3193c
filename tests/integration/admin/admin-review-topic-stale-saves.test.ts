// Two admin tabs on one topic, through the server action the topic page calls (a real session, a
// real Postgres): a save based on what another tab has since changed is refused with a sentence a
// person understands and stores nothing; before, the second tab silently put back the fields the
// first had just changed. A save based on the newest data, or one that sends no `basedOn`, goes through.
import { harness, signInHarnessUser } from '../http/route-harness';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { updateTopicAction } from '@/app/admin/actions/topics';
import { getAdminTopic } from '@/server/curation/get-admin-topic';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin, makeTopic } from './fixtures';

// The actions revalidate the whole app after a change, which needs Next.js's request store.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const CONFLICT = 'Someone else saved this topic after you opened it. Reload to see their changes; your edits are still in the form.';

let topicId: string;

beforeEach(async () => {
  await resetDatabase();
  const admin = await makeAdmin();
  topicId = (await makeTopic('ops')).id;
  harness.user = { id: admin.id };
  await signInHarnessUser();
});

// What a tab shows when it is opened: the page's read.
const open = async () => (await getAdminTopic({ input: { id: topicId } }))!;
const fieldsOf = ({ slug, name, description, published }: Awaited<ReturnType<typeof open>>) => ({ slug, name, description, published });
const stored = () => prisma.topic.findUniqueOrThrow({ where: { id: topicId }, select: { name: true, description: true } });

describe('topic details in two tabs', () => {
  it('refuses a save based on a topic another tab has changed since, storing nothing', async () => {
    const a = await open();
    const b = await open();
    const first = await updateTopicAction(topicId, { ...fieldsOf(a), description: 'Tab one wrote this.', basedOn: a.revision });
    expect(first).toMatchObject({ ok: true });

    const stale = await updateTopicAction(topicId, { ...fieldsOf(b), name: 'Tab two name', basedOn: b.revision });
    expect(stale).toEqual({ ok: false, error: CONFLICT, fields: {} });
    expect(await stored()).toEqual({ name: 'Operations', description: 'Tab one wrote this.' });
    expect(await prisma.auditLog.count({ where: { action: 'topic.update' } })).toBe(1);
  });

  it('accepts a save based on its own last save, a reopened tab, or no basedOn at all', async () => {
    const a = await open();
    const first = await updateTopicAction(topicId, { ...fieldsOf(a), description: 'First.', basedOn: a.revision });
    if (!first.ok) throw new Error(first.error);
    const second = await updateTopicAction(topicId, { ...fieldsOf(a), description: 'Second.', basedOn: first.value.revision });
    expect(second).toMatchObject({ ok: true });
    const reopened = await open();
    expect(reopened.revision).toBe(second.ok ? second.value.revision : '');
    expect(await updateTopicAction(topicId, { ...fieldsOf(reopened), name: 'Ops', basedOn: reopened.revision })).toMatchObject({ ok: true });
    expect(await updateTopicAction(topicId, { ...fieldsOf(reopened), name: 'Ops again' })).toMatchObject({ ok: true });
    expect(await stored()).toEqual({ name: 'Ops again', description: 'Second.' });
  });
});
