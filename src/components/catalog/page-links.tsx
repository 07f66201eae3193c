import { FocusingLink, FocusOnArrival } from '@/components/ui/focus-on-arrival';

const link = 'rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

// "Previous · Page 2 of 7 · Next" under a paged list; nothing when everything fits on one page.
// A page past the end (an old link, a hand-edited ?page=) is an empty list: said so, with a way
// back to the last page, instead of "Page 99 of 3" and a Previous link to another empty page.
// After following one of these links focus moves to `focusId`, the list's heading (tabIndex -1):
// left on the link at the bottom, a keyboard or screen-reader user would not know the list changed.
type Props = { page: number; pageCount: number; href: (page: number) => string; focusId: string };

export function PageLinks({ page, pageCount, href, focusId }: Props) {
  if (isPastEnd(page, pageCount)) return <PastTheEnd page={page} pageCount={pageCount} href={href} focusId={focusId} />;
  if (pageCount <= 1) return <FocusOnArrival id={focusId} />;
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
      <FocusOnArrival id={focusId} />
      {page > 1 ? <FocusingLink href={href(page - 1)} focusId={focusId} rel="prev" className={link}>Previous</FocusingLink> : null}
      <span aria-current="page">Page {page} of {pageCount}</span>
      {page < pageCount ? <FocusingLink href={href(page + 1)} focusId={focusId} rel="next" className={link}>Next</FocusingLink> : null}
    </nav>
  );
}

export const isPastEnd = (page: number, pageCount: number) => page > Math.max(1, pageCount);

function PastTheEnd({ page, pageCount, href, focusId }: Props) {
  const last = Math.max(1, pageCount);
  return (
    <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-500/40 dark:bg-amber-500/10" data-testid="page-past-end">
      <p>
        There is no page {page}: this list has {last === 1 ? 'only one page' : `${last} pages`}.
      </p>
      <FocusOnArrival id={focusId} />
      <p>
        <FocusingLink href={href(last)} focusId={focusId} className={link}>{last === 1 ? 'Go to page 1' : `Go to the last page (page ${last})`}</FocusingLink>
      </p>
    </div>
  );
}
