// Uses a reset link: the token must be known, unused and unexpired, and is spent in the same
// statement that checks it, so two tabs cannot both use it. Every session of the account ends.
import { recordAudit } from '@/server/audit/record-audit';
import { inTransaction } from '@/server/curation/in-transaction';
import { prisma, type Db, type DbClient } from '@/server/db';
import { BadRequestError } from '@/server/errors';
import { clearFailedSignIns } from '@/server/users/login-throttle';
import { hashResetToken } from './reset-token';
import { ResetPasswordSchema } from './schemas';
import { setPassword } from './set-password';

const INVALID = 'This reset link is invalid, was already used or has expired. Ask for a new one.';

export async function resetPassword({ input }: { input: unknown }, db: Db | DbClient = prisma): Promise<{ email: string }> {
  const { token, password } = ResetPasswordSchema.parse(input);
  const tokenHash = hashResetToken(token);
  return inTransaction(db, async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) throw new BadRequestError(INVALID);
    const { user } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { user: { select: { id: true, email: true } } } });
    await setPassword({ userId: user.id, password }, tx);
    await recordAudit({ actor: { id: user.id }, input: { action: 'user.password.reset', entity: 'user', entityId: user.id, details: { email: user.email } } }, tx);
    await clearFailedSignIns({ kind: 'email', value: user.email }, tx);
    return { email: user.email };
  });
}
