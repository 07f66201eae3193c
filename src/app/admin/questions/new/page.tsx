import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { QuestionForm } from '@/components/admin/question-form';
import { LINK_CLASS } from '@/components/admin/styles';
import { UnsavedChangesProvider } from '@/components/admin/unsaved-changes';
import { requireAdminPage } from '@/server/auth';
import { listAdminTopics } from '@/server/curation/list-admin-topics';

export const metadata: Metadata = { title: 'New question · Admin' };

export default async function NewQuestionPage() {
  await requireAdminPage('/admin/questions/new');
  const topics = await listAdminTopics();
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/questions" />
      <h1 className="text-3xl font-bold tracking-tight">New question</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        It starts as a draft. Next you write its grading material, validate it and publish it.
      </p>
      {topics.length === 0 ? (
        <p>Create a <Link href="/admin/topics" className={LINK_CLASS}>topic</Link> first.</p>
      ) : (
        // Leaving the page asks first while the form holds anything typed.
        <UnsavedChangesProvider>
          <QuestionForm topics={topics.map((t) => ({ id: t.id, name: t.name }))} />
        </UnsavedChangesProvider>
      )}
    </div>
  );
}
