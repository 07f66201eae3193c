// A signed-in user changes their password: the current one is required, and every session of the
// account ends (the browser that changed it signs in again with the new password). A wrong current
// password counts as a failed sign-in of the account from that address (login-throttle.ts): a
// session in someone else's hands could otherwise guess the password unthrottled.
import { ZodError } from 'zod';
import { recordAudit } from '@/server/audit/record-audit';
import { inTransaction } from '@/server/curation/in-transaction';
import { prisma, type Db, type DbClient } from '@/server/db';
import { UnauthorizedError } from '@/server/errors';
import { assertNotThrottled, clearAccountFailures, recordFailedSignIn, signInThrottleKeys } from '@/server/users/login-throttle';
import { verifyPassword } from '@/server/users/password';
import { ChangePasswordSchema } from './schemas';
import { setPassword } from './set-password';

export async function changePassword(
  { actor, input, address }: { actor: { id: string }; input: unknown; address: string },
  db: Db | DbClient = prisma,
): Promise<void> {
  const { currentPassword, newPassword } = ChangePasswordSchema.parse(input);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true } });
  if (!user) throw new UnauthorizedError();
  const keys = signInThrottleKeys(user.email, address);
  await assertNotThrottled(keys, db, new Date(), 'wrong passwords');
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordFailedSignIn(keys, db);
    throw new ZodError([{ code: 'custom', path: ['currentPassword'], message: 'That is not your current password.', input: undefined }]);
  }
  await clearAccountFailures(keys, db);
  await inTransaction(db, async (tx) => {
    await setPassword({ userId: actor.id, password: newPassword }, tx);
    await recordAudit({ actor, input: { action: 'user.password.change', entity: 'user', entityId: actor.id, details: { email: user.email } } }, tx);
  });
}
