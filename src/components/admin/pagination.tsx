import { FocusingLink, FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { LINK_CLASS } from './styles';

// Previous/next links that keep the other query parameters. After following one, focus moves to
// `focusId`, the list's count or heading (tabIndex -1), not left on the link at the bottom.
export function Pagination({ page, pageCount, href, focusId }: { page: number; pageCount: number; href: (page: number) => string; focusId: string }) {
  if (pageCount <= 1) return <FocusOnArrival id={focusId} />;
  return (
    <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
      <FocusOnArrival id={focusId} />
      {page > 1 ? <FocusingLink href={href(page - 1)} focusId={focusId} className={LINK_CLASS}>← Newer / previous</FocusingLink> : null}
      <span>Page {page} of {pageCount}</span>
      {page < pageCount ? <FocusingLink href={href(page + 1)} focusId={focusId} className={LINK_CLASS}>Next →</FocusingLink> : null}
    </nav>
  );
}
