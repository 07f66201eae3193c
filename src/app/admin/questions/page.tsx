import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { Pagination } from '@/components/admin/pagination';
import { QuestionFilters } from '@/components/admin/question-filters';
import { QuestionRow } from '@/components/admin/question-row';
import { plural } from '@/lib/plural';
import { requireAdminPage } from '@/server/auth';
import { listAdminQuestions } from '@/server/curation/list-admin-questions';
import { listAdminTopics } from '@/server/curation/list-admin-topics';
import { QuestionFiltersSchema, type QuestionFilters as Filters } from '@/server/curation/schemas';

export const metadata: Metadata = { title: 'Questions · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminQuestionsPage({ searchParams }: Props) {
  await requireAdminPage('/admin/questions');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)]));
  const parsed = QuestionFiltersSchema.safeParse(raw);
  // A hand-edited URL with a bad filter shows everything rather than an error page.
  const filters: Filters = parsed.success ? parsed.data : { page: 1 };
  const [{ questions, total, page, pageCount }, topics] = await Promise.all([listAdminQuestions({ input: filters }), listAdminTopics()]);
  const pageHref = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...filters, page: p }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    return `/admin/questions?${params}`;
  };
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/questions" />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Questions</h1>
        <Link href="/admin/questions/new" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-indigo-700">New question</Link>
      </div>
      {parsed.success ? null : <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">Some filters in the address were not understood and were ignored.</p>}
      <QuestionFilters filters={filters} topics={topics} />
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="question-total">{plural(total, 'question')}, drafts included</p>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="admin-question-list">
        {questions.map((q) => (
          <QuestionRow key={q.id} question={q} />
        ))}
        {questions.length === 0 ? <li className="p-4 text-sm text-slate-600 dark:text-slate-400">No questions match these filters.</li> : null}
      </ul>
      <Pagination page={page} pageCount={pageCount} href={pageHref} />
    </div>
  );
}
