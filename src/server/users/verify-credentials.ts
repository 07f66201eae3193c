// Checks an email and password for sign-in. Every failure looks the same to the caller (null), so
// nobody learns whether an email has an account; repeated failures are throttled. A disabled
// account cannot sign in.
import { prisma, type DbClient } from '@/server/db';
import type { PublicUser } from './create-user';
import { assertNotThrottled, clearFailedSignIns, recordFailedSignIn, type ThrottleKey } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password';
import { CredentialsSchema } from './schemas';

export async function verifyCredentials(
  { input, address }: { input: unknown; address?: string },
  db: DbClient = prisma,
): Promise<PublicUser | null> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys: ThrottleKey[] = [{ kind: 'email', value: email }];
  if (address) keys.push({ kind: 'address', value: address });
  await assertNotThrottled(keys, db);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok || user.disabledAt) {
    await recordFailedSignIn(keys, db);
    return null;
  }
  await clearFailedSignIns(keys[0]!, db);
  const { passwordHash: _omitted, disabledAt: _enabled, ...publicUser } = user;
  return publicUser;
}
