import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { IgnoredFiltersAlert } from '@/components/admin/ignored-filters-alert';
import { Pagination } from '@/components/admin/pagination';
import { QuestionFilters } from '@/components/admin/question-filters';
import { QuestionRow } from '@/components/admin/question-row';
import { plural } from '@/lib/plural';
import { pagedTitle } from '@/lib/paged-title';
import { parseListFilters, type SearchParams } from '@/lib/parse-list-filters';
import { getSessionUser, requireAdminPage } from '@/server/auth';
import { listAdminQuestions } from '@/server/curation/list-admin-questions';
import { listAdminTopics } from '@/server/curation/list-admin-topics';
import { QuestionFiltersSchema, type QuestionFilters as Filters } from '@/server/curation/schemas';

type Props = { searchParams: Promise<SearchParams> };

const filtersOf = async (searchParams: Props['searchParams']) => parseListFilters(QuestionFiltersSchema, await searchParams);
const load = cache((filters: string) => listAdminQuestions({ input: JSON.parse(filters) as Filters }));

// Past the first page the title names the page (admins only: the count is not for anyone else), so
// each page is told apart and a page change is announced. The list is read once per request (cache).
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const user = await getSessionUser();
  if (user?.role !== 'ADMIN') return { title: 'Questions · Admin' };
  const { page, pageCount } = await load(JSON.stringify((await filtersOf(searchParams)).filters));
  return { title: `${pagedTitle('Questions', page, pageCount)} · Admin` };
}

export default async function AdminQuestionsPage({ searchParams }: Props) {
  await requireAdminPage('/admin/questions');
  const { error, filters } = await filtersOf(searchParams);
  const [{ questions, total, page, pageCount }, topics] = await Promise.all([load(JSON.stringify(filters)), listAdminTopics()]);
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
      <IgnoredFiltersAlert error={error} />
      <QuestionFilters filters={filters} topics={topics} />
      <p id="question-total" tabIndex={-1} className="text-sm text-slate-600 dark:text-slate-400" data-testid="question-total">{plural(total, 'question')}, drafts included</p>
      {/* Past the last page there is no list: the pagination below says so and links back. */}
      {questions.length > 0 || total === 0 ? (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="admin-question-list">
          {questions.map((q) => (
            <QuestionRow key={q.id} question={q} />
          ))}
          {total === 0 ? <li className="p-4 text-sm text-slate-600 dark:text-slate-400">No questions match these filters.</li> : null}
        </ul>
      ) : null}
      <Pagination page={page} pageCount={pageCount} href={pageHref} focusId="question-total" />
    </div>
  );
}
