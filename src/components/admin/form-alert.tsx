import type { ReactNode } from 'react';

// A form-level message: an error (role="alert") or a confirmation (role="status").
export function FormAlert({ tone, children }: { tone: 'error' | 'success'; children: ReactNode }) {
  const classes =
    tone === 'error'
      ? 'bg-rose-50 text-rose-800 dark:bg-rose-500/10 dark:text-rose-300'
      : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300';
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg px-3 py-2 text-sm ${classes}`}>
      {children}
    </p>
  );
}
