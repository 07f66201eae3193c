import type { Metadata } from 'next';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { isPastEnd, PageLinks } from '@/components/catalog/page-links';
import { SearchFilters } from '@/components/catalog/search-filters';
import { SearchResults } from '@/components/catalog/search-results';
import { signInPath } from '@/lib/sign-in-path';
import { getSessionUser } from '@/server/auth';
import { searchQuestions, type SearchResult } from '@/server/search/search-questions';
import { SearchQuerySchema } from '@/server/search/schemas';
import { fieldErrors } from '@/lib/field-errors';
import { searchFilterValues } from '@/lib/search-filter-values';
import { pagedTitle } from '@/lib/paged-title';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const firstValues = async (searchParams: Props['searchParams']) =>
  Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

// One search per request, shared by the title and the page (keyed by the query's text, since
// React's cache compares arguments by identity).
const search = cache(async (query: string): Promise<SearchResult | null> => {
  const user = await getSessionUser();
  return user ? searchQuestions({ actor: user, input: JSON.parse(query) as Record<string, string | undefined> }) : null;
});

// Past the first page the title names the page, so each page is told apart and a page change is announced.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const raw = await firstValues(searchParams);
  const title = 'Search questions';
  if (!SearchQuerySchema.safeParse(raw).success) return { title };
  const result = await search(JSON.stringify(raw));
  return { title: result ? pagedTitle(title, result.page, result.pageCount) : title };
}

// Search and filters live in the URL (a GET form), so a result page can be shared and reloaded.
export default async function SearchPage({ searchParams }: Props) {
  const raw = await firstValues(searchParams);
  const user = await getSessionUser();
  if (!user) redirect(signInPath(`/search?${new URLSearchParams(raw as Record<string, string>).toString()}`));
  const parsed = SearchQuerySchema.safeParse(raw);
  let result: SearchResult | null = null;
  let error: string | null = null;
  if (parsed.success) result = await search(JSON.stringify(raw));
  else error = Object.values(fieldErrors(parsed.error)).join(' ');
  const values = searchFilterValues(raw, parsed.success ? parsed.data : null);
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
          <h2 id="results-heading" tabIndex={-1} className="text-xl font-semibold" data-testid="search-total">
            {result.total} {result.total === 1 ? 'question' : 'questions'}
          </h2>
          {/* Past the last page the list is empty because of the page, not the words or filters. */}
          {result.total > 0 && isPastEnd(result.page, result.pageCount) ? null : <SearchResults hits={result.hits} />}
          {result.total > 0 ? <PageLinks page={result.page} pageCount={result.pageCount} href={pageHref} focusId="results-heading" /> : null}
        </section>
      ) : null}
    </div>
  );
}
