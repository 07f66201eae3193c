import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { deleteTopicAction } from '@/app/admin/actions/topics';
import { AdminNav } from '@/components/admin/admin-nav';
import { DeleteButton } from '@/components/admin/delete-button';
import { LINK_CLASS, PANEL_CLASS } from '@/components/admin/styles';
import { TopicForm } from '@/components/admin/topic-form';
import { UnsavedChangesProvider } from '@/components/admin/unsaved-changes';
import { getAdminRecordTitle } from '@/server/admin/get-admin-record-title';
import { requireAdminPage } from '@/server/auth';
import { getAdminTopic } from '@/server/curation/get-admin-topic';
import { IdSchema } from '@/server/curation/schemas';

type Props = { params: Promise<{ id: string }> };

// One read per request, shared by the tab title and the page.
const readTopic = cache((id: string) => getAdminTopic({ input: { id } }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const exists = async (id: string) => (await readTopic(id)) !== null;
  return { title: await getAdminRecordTitle((await params).id, exists, { found: 'Edit topic · Admin', missing: 'Topic not found · Admin' }) };
}

export default async function AdminTopicPage({ params }: Props) {
  const { id } = await params;
  await requireAdminPage(`/admin/topics/${id}`);
  if (!IdSchema.safeParse(id).success) notFound();
  const topic = await readTopic(id);
  if (!topic) notFound();
  return (
    // Leaving the page asks first while the topic form has unsaved edits.
    <UnsavedChangesProvider>
      <div className="space-y-8">
        <AdminNav current="/admin/topics" />
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/admin/topics" className="hover:underline">Topics</Link> <span aria-hidden>/</span> {topic.name}
        </nav>
        <h1 className="text-3xl font-bold tracking-tight">Edit topic</h1>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/admin/questions?topic=${topic.slug}`} className={LINK_CLASS}>Its questions</Link>
          <a href={`/api/admin/bundles/${topic.slug}`} download className={LINK_CLASS}>Export as a bundle</a>
        </p>
        <section aria-labelledby="topic-heading" className={PANEL_CLASS}>
          <h2 id="topic-heading" className="text-xl font-semibold">Topic</h2>
          <TopicForm topic={topic} />
        </section>
        <section aria-labelledby="danger-heading" className="space-y-3">
          <h2 id="danger-heading" className="text-xl font-semibold">Delete</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">Removes the topic and its questions from the bank; attempts and their history are kept.</p>
          <DeleteButton label="Delete topic" confirmText="Delete this topic and its questions? Attempts are kept." action={deleteTopicAction.bind(null, topic.id)} redirectTo="/admin/topics" />
        </section>
      </div>
    </UnsavedChangesProvider>
  );
}
