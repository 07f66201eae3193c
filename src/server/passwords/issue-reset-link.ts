// An admin issues a one-time reset link for an account, shown to them once to pass on. The link is
// never stored or audited, only its hash; issuing is audited.
import { recordAudit } from '@/server/audit/record-audit';
import { inTransaction } from '@/server/curation/in-transaction';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { UserIdSchema } from '@/server/users/account-admin-schemas';
import { createResetToken } from './create-reset-token';
import { ADMIN_LINK_HOURS, resetPath } from './reset-token';

export async function issueResetLink(
  { actor, input }: { actor: { id: string }; input: { userId: string } },
  db: Db | DbClient = prisma,
): Promise<{ path: string; expiresAt: Date }> {
  const userId = UserIdSchema.parse(input.userId);
  return inTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, disabledAt: true } });
    if (!user) throw new NotFoundError('That account does not exist.');
    if (user.disabledAt) throw new ConflictError(`${user.email} is disabled; enable the account first.`);
    const expiresAt = new Date(Date.now() + ADMIN_LINK_HOURS * 3_600_000);
    const token = await createResetToken({ userId, expiresAt }, tx);
    await recordAudit({ actor, input: { action: 'user.reset-link', entity: 'user', entityId: userId, details: { email: user.email, expiresAt: expiresAt.toISOString() } } }, tx);
    return { path: resetPath(token), expiresAt };
  });
}
