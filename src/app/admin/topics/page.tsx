import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { LINK_CLASS, PANEL_CLASS } from '@/components/admin/styles';
import { TopicForm } from '@/components/admin/topic-form';
import { UnsavedChangesProvider } from '@/components/admin/unsaved-changes';
import { Badge } from '@/components/ui/badge';
import { requireAdminPage } from '@/server/auth';
import { listAdminTopics } from '@/server/curation/list-admin-topics';

export const metadata: Metadata = { title: 'Topics · Admin' };

export default async function AdminTopicsPage() {
  await requireAdminPage('/admin/topics');
  const topics = await listAdminTopics();
  return (
    // Leaving the page asks first while the topic form has unsaved edits.
    <UnsavedChangesProvider>
      <div className="space-y-8">
        <AdminNav current="/admin/topics" />
        <h1 className="text-3xl font-bold tracking-tight">Topics</h1>
        <div className="relative overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
          <table className="w-full text-left text-sm" data-testid="admin-topic-list">
            <caption className="sr-only">Topics, drafts included</caption>
            <thead className="bg-slate-100 dark:bg-slate-800">
              <tr>
                <th scope="col" className="px-4 py-2">Topic</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Questions</th>
                <th scope="col" className="px-4 py-2">Drafts</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {topics.map((t) => (
                <tr key={t.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="px-4 py-2">
                    <Link href={`/admin/topics/${t.id}`} className={LINK_CLASS}>{t.name}</Link>
                    <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{t.slug}</div>
                  </td>
                  <td className="px-4 py-2">{t.published ? <Badge tone="green">Published</Badge> : <Badge tone="amber">Draft</Badge>}</td>
                  <td className="px-4 py-2"><Link href={`/admin/questions?topic=${t.slug}`} className={LINK_CLASS}>{t.questionCount}</Link></td>
                  <td className="px-4 py-2">{t.draftCount}</td>
                  <td className="px-4 py-2">
                    <a href={`/api/admin/bundles/${t.slug}`} download className={LINK_CLASS}>Export bundle<span className="sr-only"> of {t.name}</span></a>
                  </td>
                </tr>
              ))}
              {topics.length === 0 ? <tr><td colSpan={5} className="px-4 py-3 text-slate-600 dark:text-slate-400">No topics yet.</td></tr> : null}
            </tbody>
          </table>
        </div>
        <section aria-labelledby="new-topic-heading" className={PANEL_CLASS}>
          <h2 id="new-topic-heading" className="text-xl font-semibold">New topic</h2>
          <TopicForm />
        </section>
      </div>
    </UnsavedChangesProvider>
  );
}
