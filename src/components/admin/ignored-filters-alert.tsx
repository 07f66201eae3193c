import type { ZodError } from 'zod';
import { fieldErrors } from '@/lib/field-errors';

// A hand-edited address with a bad filter: the list shows without it, and the page says which
// filter was dropped and why, rather than list everything as if it had been applied.
export function IgnoredFiltersAlert({ error }: { error: ZodError | undefined }) {
  if (!error) return null;
  return <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">Some filters in the address were ignored: {Object.values(fieldErrors(error)).join(' ')}</p>;
}
