import Link from 'next/link';

// "Previous · Page 2 of 7 · Next" under a paged list; nothing when everything fits on one page.
export function PageLinks({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const link = 'rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
      {page > 1 ? <Link href={href(page - 1)} rel="prev" className={link}>Previous</Link> : null}
      <span aria-current="page">Page {Math.min(page, pageCount)} of {pageCount}</span>
      {page < pageCount ? <Link href={href(page + 1)} rel="next" className={link}>Next</Link> : null}
    </nav>
  );
}
