// Checks an email and password for sign-in. Every failure looks the same to the caller (null), so
// nobody learns whether an email has an account; repeated failures are throttled. A disabled
// account cannot sign in: given its right password, the caller is told so (ForbiddenError, whose
// message next-auth passes on to the sign-in form), which tells nothing to anyone without the
// password, and it is not counted as a failed attempt.
import { prisma, type DbClient } from '@/server/db';
import { ForbiddenError } from '@/server/errors';
import type { PublicUser } from './create-user';
import { assertNotThrottled, clearAccountFailures, recordFailedSignIn, signInThrottleKeys } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password';
import { CredentialsSchema } from './schemas';

export const DISABLED_ACCOUNT = 'This account has been disabled; ask an administrator to enable it again.';

export async function verifyCredentials(
  { input, address }: { input: unknown; address: string },
  db: DbClient = prisma,
): Promise<PublicUser | null> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = signInThrottleKeys(email, address);
  await assertNotThrottled(keys, db);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) {
    await recordFailedSignIn(keys, db);
    return null;
  }
  if (user.disabledAt) throw new ForbiddenError(DISABLED_ACCOUNT);
  await clearAccountFailures(keys, db);
  const { passwordHash: _omitted, disabledAt: _enabled, ...publicUser } = user;
  return publicUser;
}
