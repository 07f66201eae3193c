import type { Prisma } from '@/generated/prisma/client';
import { prisma, type DbClient } from '@/server/db';
import { likeLiteral } from '@/server/like-literal';
import type { AuditNames } from './audit-labels';
import { listAuditSubjectNames } from './list-audit-subject-names';
import { AUDIT_PAGE_SIZE, type AuditLogQuery } from './schemas';

export type AuditLogItem = {
  id: string;
  action: string;
  entity: string;
  entityId: string | null;
  details: unknown;
  createdAt: Date;
  actor: { email: string; name: string | null } | null;
};

// Newest first, one page at a time, filtered by actor (part of the email, or "cli"), entity and
// action; with the names of the topics and questions the page's entries are about.
export async function listAuditLog(
  { input }: { input: AuditLogQuery },
  db: DbClient = prisma,
): Promise<{ entries: AuditLogItem[]; names: AuditNames; total: number; page: number; pageCount: number }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(input.entity ? { entity: input.entity } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.actor ? (input.actor === 'cli' ? { actorId: null } : { actor: { email: { contains: likeLiteral(input.actor), mode: 'insensitive' } } }) : {}),
  };
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        entity: true,
        entityId: true,
        details: true,
        createdAt: true,
        actor: { select: { email: true, name: true } },
      },
    }),
    db.auditLog.count({ where }),
  ]);
  const names = await listAuditSubjectNames(entries, db);
  return { entries, names, total, page: input.page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
