// Stores a new reset token for an account, replacing its unused ones: only the newest link works.
import type { DbClient } from '@/server/db';
import { newResetToken } from './reset-token';

export async function createResetToken({ userId, expiresAt }: { userId: string; expiresAt: Date }, tx: DbClient): Promise<string> {
  const { token, tokenHash } = newResetToken();
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordResetToken.create({ data: { userId, tokenHash, expiresAt }, select: { id: true } });
  return token;
}
