'use client';

// The reader's own data for a page that arrived without it (the member copy of a cached page,
// docs/decisions/017): one GET after the page has arrived, none when `url` is null (the page
// already has it). `failure` says why there is no data: the session ended (401) or anything else.
import { useEffect, useState } from 'react';

export type OwnDataFailure = 'signed-out' | 'unavailable';

export function useOwnData<T>(url: string | null, read: (body: unknown) => T): { data: T | null; failure: OwnDataFailure | null } {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<OwnDataFailure | null>(null);
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => {
        if (response.status === 401) return setFailure('signed-out');
        if (!response.ok) return setFailure('unavailable');
        setData(read(await response.json()));
      })
      .catch(() => {
        if (!controller.signal.aborted) setFailure('unavailable');
      });
    return () => controller.abort();
    // `read` is a pure mapping of the body; a new function each render must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);
  return { data, failure };
}
