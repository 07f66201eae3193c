'use client';

// The reader's status (new / tried / passed) on each question of a list that came from the member
// copy of the page cache (docs/decisions/017): one request for the whole list after the page
// arrives, shared by the list's badges through context.
import { createContext, useContext, type ReactNode } from 'react';
import { useOwnData } from '@/lib/use-own-data';
import type { QuestionStatus } from '@/server/search/schemas';
import { StatusBadge } from './status-badge';

const OwnStatuses = createContext<Record<string, QuestionStatus> | null>(null);

export function OwnStatusesProvider({ questionIds, children }: { questionIds: string[]; children: ReactNode }) {
  const ids = questionIds.join(',');
  // Signed out since, or a hiccup: the list still works, without statuses.
  const { data: statuses } = useOwnData(ids ? `/api/questions/statuses?ids=${ids}` : null, (body) => (body as { statuses: Record<string, QuestionStatus> }).statuses);
  return <OwnStatuses.Provider value={statuses}>{children}</OwnStatuses.Provider>;
}

export function OwnStatusBadge({ questionId }: { questionId: string }) {
  const status = useContext(OwnStatuses)?.[questionId];
  return status ? <StatusBadge status={status} /> : null;
}
