// Promotes or demotes an account. Never the last active admin, and never your own account (so
// nobody locks themselves out by a slip; another admin can do it). Audited.
import { recordAudit } from '@/server/audit/record-audit';
import { inTransaction } from '@/server/curation/in-transaction';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { SetRoleSchema } from './account-admin-schemas';
import { lockActiveAdmins } from './lock-active-admins';
import type { Role } from './schemas';

export async function setUserRole(
  { actor, input }: { actor: { id: string }; input: { userId: string; role: Role } },
  db: Db | DbClient = prisma,
): Promise<{ id: string; role: Role }> {
  const { userId, role } = SetRoleSchema.parse(input);
  if (userId === actor.id) throw new ConflictError('You cannot change your own role. Ask another admin.');
  return inTransaction(db, async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
    if (!user) throw new NotFoundError('That account does not exist.');
    if (user.role === role) return { id: user.id, role };
    if (role !== 'ADMIN' && admins.length === 1 && admins[0] === user.id) {
      throw new ConflictError(`${user.email} is the last admin; promote someone else first.`);
    }
    await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true } });
    await recordAudit(
      { actor, input: { action: role === 'ADMIN' ? 'user.promote' : 'user.demote', entity: 'user', entityId: userId, details: { email: user.email, role: { from: user.role, to: role } } } },
      tx,
    );
    return { id: userId, role };
  });
}
