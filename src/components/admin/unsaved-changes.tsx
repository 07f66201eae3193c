'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLeavingLink } from './leaving-link';
import { leaveMessage } from './unsaved-parts';

// The editors on a page report which of their parts differ from what is saved. While any do, the
// page asks before it is left: the browser's own prompt for a reload, a closed tab or another site,
// and a confirmation naming the unsaved parts for a link in the app or the Back button. The App
// Router has no navigation events to cancel, and Link's onNavigate (the documented way to block a
// navigation) would have to be on every link, the site header's included: one listener on the
// document sees every link's click first instead. Validate and Publish also wait while the material has unsaved edits:
// they check the saved material, and "Validation passed" must never describe something other than
// what is on screen.
type Sections = Record<string, string[]>;
const UnsavedChangesContext = createContext<{ sections: Sections; report: (section: string, parts: string[]) => void }>({
  sections: {},
  report: () => {},
});

// The section names, as the confirmation reads them.
export const QUESTION_SECTION = 'the question';
export const MATERIAL_SECTION = 'the grading material';
export const TOPIC_SECTION = 'the topic';

export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const [sections, setSections] = useState<Sections>({});
  const report = useCallback((section: string, parts: string[]) => {
    setSections((current) => {
      const { [section]: _old, ...rest } = current;
      return parts.length > 0 ? { ...rest, [section]: parts } : rest;
    });
  }, []);
  const value = useMemo(() => ({ sections, report }), [sections, report]);
  const message = Object.keys(sections).length > 0 ? leaveMessage(Object.entries(sections).map(([name, parts]) => ({ name, parts }))) : null;
  useLeaveGuard(message);
  return <UnsavedChangesContext value={value}>{children}</UnsavedChangesContext>;
}

// Called by an editor on every render with the parts that differ from what is saved; an editor
// that goes away leaves nothing unsaved behind.
export function useReportUnsaved(section: string, parts: string[]) {
  const { report } = useContext(UnsavedChangesContext);
  const key = parts.join('\n');
  useEffect(() => report(section, key ? key.split('\n') : []), [report, section, key]);
  useEffect(() => () => report(section, []), [report, section]);
}

export function useUnsavedParts(section: string): string[] {
  return useContext(UnsavedChangesContext).sections[section] ?? [];
}

// The little of the Navigation API used here (not in TypeScript's DOM types yet).
type TraverseEvent = Event & { navigationType: string; destination: { url: string } };
type NavigationEvents = {
  addEventListener: (type: 'navigate', listener: (event: TraverseEvent) => void) => void;
  removeEventListener: (type: 'navigate', listener: (event: TraverseEvent) => void) => void;
};

// Asks before the page is left while `message` is set (there are unsaved changes).
function useLeaveGuard(message: string | null) {
  useEffect(() => {
    if (!message) return;
    // Once the admin has chosen to leave, nothing asks again on the way out.
    let isLeaving = false;

    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isLeaving) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };

    // Capture phase on the document: before Next's Link handles the click.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || !(event.target instanceof Element)) return;
      const link = event.target.closest('a[href]');
      if (!link) return;
      const click = {
        href: link.getAttribute('href'),
        target: link.getAttribute('target'),
        hasDownload: link.hasAttribute('download'),
        button: event.button,
        hasModifier: event.metaKey || event.ctrlKey || event.shiftKey || event.altKey,
      };
      if (!isLeavingLink(click, window.location.href)) return;
      if (window.confirm(message)) {
        isLeaving = true;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };

    // Back or Forward within the app: the Navigation API asks before the step is taken (popstate
    // comes after, and the App Router's own listener has already rendered the other page by then).
    // A browser without it still gets the browser's prompt when the step leaves the document.
    const onNavigate = (event: TraverseEvent) => {
      if (isLeaving || event.navigationType !== 'traverse' || !event.cancelable) return;
      const [to, from] = [new URL(event.destination.url), new URL(window.location.href)];
      // A jump within the page (its #fragment) leaves nothing.
      if (to.pathname === from.pathname && to.search === from.search) return;
      if (window.confirm(message)) {
        isLeaving = true;
        return;
      }
      event.preventDefault();
    };
    const navigation = (window as unknown as { navigation?: NavigationEvents }).navigation;

    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    navigation?.addEventListener('navigate', onNavigate);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      navigation?.removeEventListener('navigate', onNavigate);
    };
  }, [message]);
}
