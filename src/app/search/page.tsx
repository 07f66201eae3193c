import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SearchFilters } from '@/components/catalog/search-filters';
import { SearchResults } from '@/components/catalog/search-results';
import { signInPath } from '@/lib/sign-in-path';
import { getSessionUser } from '@/server/auth';
import { searchQuestions, type SearchResult } from '@/server/search/search-questions';
import { SearchQuerySchema } from '@/server/search/schemas';
import { fieldErrors } from '@/lib/field-errors';

export const metadata: Metadata = { title: 'Search questions' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Search and filters live in the URL (a GET form), so a result page can be shared and reloaded.
export default async function SearchPage({ searchParams }: Props) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const user = await getSessionUser();
  if (!user) redirect(signInPath(`/search?${new URLSearchParams(raw as Record<string, string>).toString()}`));
  const parsed = SearchQuerySchema.safeParse(raw);
  let result: SearchResult | null = null;
  let error: string | null = null;
  if (parsed.success) result = await searchQuestions({ actor: user, input: raw });
  else error = Object.values(fieldErrors(parsed.error)).join(' ');
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const pageHref = (page: number) => `/search?${new URLSearchParams({ ...values, page: String(page) }).toString()}`;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Search questions</h1>
      <SearchFilters values={values} />
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-200">{error}</p>
      ) : null}
      {result ? (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="text-xl font-semibold" data-testid="search-total">
            {result.total} {result.total === 1 ? 'question' : 'questions'}
          </h2>
          <SearchResults hits={result.hits} />
          {result.pageCount > 1 ? (
            <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
              {result.page > 1 ? <Link href={pageHref(result.page - 1)} className="underline">Previous page</Link> : null}
              <span>Page {result.page} of {result.pageCount}</span>
              {result.page < result.pageCount ? <Link href={pageHref(result.page + 1)} className="underline">Next page</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
