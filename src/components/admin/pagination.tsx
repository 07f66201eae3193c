import Link from 'next/link';
import { LINK_CLASS } from './styles';

// Previous/next links that keep the other query parameters.
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)} className={LINK_CLASS}>← Newer / previous</Link> : null}
      <span>Page {page} of {pageCount}</span>
      {page < pageCount ? <Link href={href(page + 1)} className={LINK_CLASS}>Next →</Link> : null}
    </nav>
  );
}
