// A session is current while its account is enabled and its session version is the one stamped
// into it at sign-in: disabling the account or changing its password bumps the version, which
// ends every older session at its next request.
import { prisma, type DbClient } from '@/server/db';

export async function isSessionCurrent({ userId, sessionVersion }: { userId: string; sessionVersion: number | undefined }, db: DbClient = prisma): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { disabledAt: true, sessionVersion: true } });
  return row !== null && row.disabledAt === null && row.sessionVersion === (sessionVersion ?? 0);
}
