'use client';

import Link from 'next/link';
import { useEffect, type ComponentProps } from 'react';

// Focus for a client-side navigation or refresh that replaces the content under the control that
// caused it: a "Next" page link, a "Finish" button. The page's title or content changes but focus
// stays on the old control at the bottom (or falls to <body>) and nothing is announced. The
// control calls `focusOnArrival(id)`; the new content renders `<FocusOnArrival id=… />`, which
// moves focus to the element with that id (tabIndex -1 when it is not a control) once it has
// rendered. A full page load keeps the browser's own focus: the request lives in this page only.
let pending: string | null = null;

export function focusOnArrival(id: string) {
  pending = id;
}

export function FocusOnArrival({ id }: { id: string }) {
  // No dependency list: an RSC refresh may re-render this instead of mounting it again.
  useEffect(() => {
    if (pending !== id) return;
    const target = document.getElementById(id);
    if (!target) return;
    pending = null;
    target.focus();
  });
  return null;
}

// A link whose destination renders <FocusOnArrival id={focusId} />.
export function FocusingLink({ focusId, onClick, ...props }: ComponentProps<typeof Link> & { focusId: string }) {
  return (
    <Link
      {...props}
      onClick={(event) => {
        // A new tab or window leaves this page where it was.
        if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) focusOnArrival(focusId);
        onClick?.(event);
      }}
    />
  );
}
