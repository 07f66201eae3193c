import { FocusingLink, FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { LINK_CLASS } from './styles';

// Previous/next links that keep the other query parameters. After following one, focus moves to
// `focusId`, the list's count or heading (tabIndex -1), not left on the link at the bottom.
// A page past the end (an old link, a hand-edited address, entries deleted since) says so and links
// to the last page, instead of an empty list under "Page 99 of 3" with only a way one page back.
export function Pagination({ page, pageCount, href, focusId }: { page: number; pageCount: number; href: (page: number) => string; focusId: string }) {
  const last = Math.max(pageCount, 1);
  if (page > last) {
    return (
      <nav aria-label="Pages" className="flex flex-wrap items-center gap-4 text-sm">
        <FocusOnArrival id={focusId} />
        <p role="status">There is no page {page}: {last === 1 ? 'everything fits on one page' : `the list has ${last} pages`}.</p>
        <FocusingLink href={href(last)} focusId={focusId} className={LINK_CLASS}>{last === 1 ? 'Go to the list' : `Go to page ${last}, the last`}</FocusingLink>
      </nav>
    );
  }
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
