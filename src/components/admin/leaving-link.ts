// Whether a click on a link leaves this page inside the app (a client-side navigation the browser's
// own "leave site?" prompt never sees). A new tab or window, a download, another site, a plain
// modified click and a jump within the page all keep this page open.
export type LinkClick = {
  href: string | null;
  target: string | null;
  hasDownload: boolean;
  button: number;
  hasModifier: boolean;
};

export function isLeavingLink(click: LinkClick, here: string): boolean {
  if (click.href === null || click.hasDownload || click.button !== 0 || click.hasModifier) return false;
  if (click.target && click.target !== '_self') return false;
  let to: URL;
  const from = new URL(here);
  try {
    to = new URL(click.href, from);
  } catch {
    return false;
  }
  if (to.origin !== from.origin) return false;
  return to.pathname !== from.pathname || to.search !== from.search;
}
