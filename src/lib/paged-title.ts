// A paged list's title names the page past the first ("Search questions — page 2 of 3"), so each
// page has its own title and moving between pages is announced. Past the last page there is no
// "of": the page says it does not exist.
export function pagedTitle(title: string, page: number, pageCount: number): string {
  if (page <= 1) return title;
  return page > Math.max(1, pageCount) ? `${title} — page ${page}` : `${title} — page ${page} of ${pageCount}`;
}
