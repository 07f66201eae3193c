import type { ReactNode } from 'react';

// A form-level message: an error (role="alert") or a confirmation (role="status"). An error can
// take focus (tabIndex -1) so a failed submit can move the reader to it (useFocusFirstError).
export function FormAlert({ tone, children }: { tone: 'error' | 'success'; children: ReactNode }) {
  const classes =
    tone === 'error'
      ? 'bg-rose-50 text-rose-800 dark:bg-rose-500/10 dark:text-rose-300'
      : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300';
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} tabIndex={tone === 'error' ? -1 : undefined} className={`rounded-lg px-3 py-2 text-sm ${classes}`}>
      {children}
    </p>
  );
}
