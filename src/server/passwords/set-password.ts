// Stores a new password and bumps the session version, which ends every session of the account
// (the caller signs the current browser in again when it should stay signed in).
import type { DbClient } from '@/server/db';
import { hashPassword } from '@/server/users/password';

export async function setPassword({ userId, password }: { userId: string; password: string }, tx: DbClient): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
    select: { id: true },
  });
}
