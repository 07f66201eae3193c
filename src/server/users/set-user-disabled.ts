// Disables (or re-enables) an account. Disabling bumps its session version, so every session it
// has stops at the next request; it cannot sign in again until re-enabled. Never your own account
// and never the last active admin. Audited.
import { recordAudit } from '@/server/audit/record-audit';
import { inTransaction } from '@/server/curation/in-transaction';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { SetDisabledSchema } from './account-admin-schemas';
import { lockActiveAdmins } from './lock-active-admins';

export async function setUserDisabled(
  { actor, input }: { actor: { id: string }; input: { userId: string; disabled: boolean } },
  db: Db | DbClient = prisma,
): Promise<{ id: string; disabled: boolean }> {
  const { userId, disabled } = SetDisabledSchema.parse(input);
  if (userId === actor.id) throw new ConflictError('You cannot disable your own account. Ask another admin.');
  return inTransaction(db, async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, disabledAt: true } });
    if (!user) throw new NotFoundError('That account does not exist.');
    if ((user.disabledAt !== null) === disabled) return { id: userId, disabled };
    if (disabled && admins.length === 1 && admins[0] === user.id) {
      throw new ConflictError(`${user.email} is the last admin; promote someone else first.`);
    }
    await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
      select: { id: true },
    });
    await recordAudit(
      { actor, input: { action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId, details: { email: user.email, disabled: { from: !disabled, to: disabled } } } },
      tx,
    );
    return { id: userId, disabled };
  });
}
