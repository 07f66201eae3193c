// Shared classes for the admin forms, matching the Field primitive's look (light and dark).
export const INPUT_CLASS =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-900';
export const CODE_CLASS = `${INPUT_CLASS} font-mono text-sm`;
export const LABEL_CLASS = 'block text-sm font-medium';
export const PANEL_CLASS = 'space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900';
export const LINK_CLASS = 'text-indigo-700 hover:underline dark:text-indigo-300';
export const SMALL_BUTTON_CLASS =
  'rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800';
