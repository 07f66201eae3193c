// Client-safe shapes for the audit log: what an admin change records and how the list is paged.
import { z } from 'zod';

// Who acted: an admin's id, or null for the command line (`npm run bank:import`).
export type AuditActor = { id: string } | null;

export type AuditEntry = {
  action: string;
  entity: 'topic' | 'question' | 'question-version' | 'user';
  entityId: string | null;
  // Small on purpose: what changed, never whole documents.
  details?: Record<string, unknown>;
};

export const AUDIT_PAGE_SIZE = 50;

export const AuditLogQuerySchema = z.object({
  page: z.coerce.number({ error: 'A page is a number.' }).int().min(1, 'Pages start at 1.').default(1),
});
