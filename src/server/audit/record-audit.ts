// Records one admin change. Verbs call it with their own transaction, so a change and its audit
// entry are written together or not at all.
import type { Prisma } from '@/generated/prisma/client';
import { prisma, type DbClient } from '@/server/db';
import type { AuditActor, AuditEntry } from './schemas';

export async function recordAudit({ actor, input }: { actor: AuditActor; input: AuditEntry }, db: DbClient = prisma): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      details: (input.details ?? {}) as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
}
