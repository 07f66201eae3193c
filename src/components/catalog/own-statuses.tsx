'use client';

// The reader's status (new / tried / passed) on each question of a list that came from the member
// copy of the page cache (docs/decisions/017): one request for the whole list after the page
// arrives, shared by the list's badges through context.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { QuestionStatus } from '@/server/search/schemas';
import { StatusBadge } from './status-badge';

const OwnStatuses = createContext<Record<string, QuestionStatus> | null>(null);

export function OwnStatusesProvider({ questionIds, children }: { questionIds: string[]; children: ReactNode }) {
  const [statuses, setStatuses] = useState<Record<string, QuestionStatus> | null>(null);
  const ids = questionIds.join(',');
  useEffect(() => {
    if (!ids) return;
    const controller = new AbortController();
    fetch(`/api/questions/statuses?ids=${ids}`, { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => {
        // Signed out since, or a hiccup: the list still works, without statuses.
        if (response.ok) setStatuses(((await response.json()) as { statuses: Record<string, QuestionStatus> }).statuses);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [ids]);
  return <OwnStatuses.Provider value={statuses}>{children}</OwnStatuses.Provider>;
}

export function OwnStatusBadge({ questionId }: { questionId: string }) {
  const status = useContext(OwnStatuses)?.[questionId];
  return status ? <StatusBadge status={status} /> : null;
}
