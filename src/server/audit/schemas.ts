// Client-safe shapes for the audit log: what an admin change records and how the list is paged
// and filtered.
import { z } from 'zod';
import { ADMIN_MAX_PAGE, pageParam } from '@/lib/page-param';
import { cleanText } from '@/lib/text-field';

// Who acted: an admin's id, or null for the command line (`npm run bank:import`).
export type AuditActor = { id: string } | null;

export const AUDIT_ENTITIES = ['topic', 'question', 'question-version', 'user'] as const;

export type AuditEntry = {
  action: string;
  entity: (typeof AUDIT_ENTITIES)[number];
  entityId: string | null;
  // Small on purpose: what changed, never whole documents.
  details?: Record<string, unknown>;
};

export const AUDIT_ACTIONS = [
  'topic.create', 'topic.update', 'topic.delete',
  'question.create', 'question.update', 'question.delete', 'question.unpublish',
  'question.material.save', 'question.validate', 'question.publish', 'question.regrade', 'bundle.import',
  'user.promote', 'user.demote', 'user.disable', 'user.enable', 'user.reset-link', 'user.password.change', 'user.password.reset',
] as const;

export const AUDIT_PAGE_SIZE = 50;

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const AuditLogQuerySchema = z.object({
  page: pageParam(ADMIN_MAX_PAGE),
  // Part of the actor's email; "cli" for the command line.
  actor: z.preprocess(emptyToUndefined, cleanText(z.string(), 'The search').trim().max(254, 'Search for at most 254 characters.').optional()),
  entity: z.preprocess(emptyToUndefined, z.enum(AUDIT_ENTITIES, { error: 'Choose an entity from the list.' }).optional()),
  action: z.preprocess(emptyToUndefined, z.string().trim().max(60, 'An action is at most 60 characters.').regex(/^[a-z.-]+$/, 'Choose an action from the list.').optional()),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;
