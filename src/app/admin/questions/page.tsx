import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { Pagination } from '@/components/admin/pagination';
import { QuestionFilters } from '@/components/admin/question-filters';
import { LINK_CLASS } from '@/components/admin/styles';
import { Badge } from '@/components/ui/badge';
import { ANSWER_KIND_LABEL, DIFFICULTY_LABEL, QUESTION_TYPE_LABEL } from '@/lib/labels';
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
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="question-total">{total} {total === 1 ? 'question' : 'questions'}, drafts included</p>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="admin-question-list">
        {questions.map((q) => (
          <li key={q.id} className="space-y-2 p-4">
            <div className="flex flex-wrap items-center gap-2 text-xs">
              {q.published ? <Badge tone="green">Published</Badge> : <Badge tone="amber">Draft</Badge>}
              <Badge>{DIFFICULTY_LABEL[q.difficulty]}</Badge>
              <Badge>{QUESTION_TYPE_LABEL[q.type]}</Badge>
              <Badge tone="indigo">{ANSWER_KIND_LABEL[q.answerKind]}</Badge>
              <span className="text-slate-600 dark:text-slate-400">{q.topic.name}</span>
              {q.latestVersion ? (
                <span className="text-slate-600 dark:text-slate-400">
                  v{q.latestVersion.version} {q.latestVersion.isPublished ? 'published' : 'draft'}
                  {q.latestVersion.validation ? `, validation ${q.latestVersion.validation}` : ''}
                </span>
              ) : (
                <span className="text-slate-600 dark:text-slate-400">no grading material</span>
              )}
              <span className="text-slate-600 dark:text-slate-400">{q.attempts} attempts</span>
              {q.tags.map((t) => <Badge key={t}>#{t}</Badge>)}
            </div>
            <Link href={`/admin/questions/${q.id}`} className={`${LINK_CLASS} line-clamp-2`}>{q.prompt}</Link>
          </li>
        ))}
        {questions.length === 0 ? <li className="p-4 text-sm text-slate-600 dark:text-slate-400">No questions match these filters.</li> : null}
      </ul>
      <Pagination page={page} pageCount={pageCount} href={pageHref} />
    </div>
  );
}
