// ?page=N on a paged list: from 1 (the first page when absent or empty) up to `max`, in digits.
import { integerParam } from './integer-param';

export const pageParam = (max: number) =>
  integerParam(
    { min: 1, max, fallback: 1 },
    {
      digits: 'Write the page in digits, e.g. page=2.',
      whole: 'A page is a whole number.',
      min: 'Pages start at 1.',
      max: `At most page ${max}.`,
    },
  );

// The admin lists (accounts, audit log, questions) have no smaller natural bound; this one keeps
// the offset a plain number Postgres takes.
export const ADMIN_MAX_PAGE = 1_000_000;
