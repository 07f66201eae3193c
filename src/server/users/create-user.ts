import { Prisma } from '@/generated/prisma/client';
import { ACCOUNT_EXISTS_MESSAGE } from '@/lib/account-exists-message';
import { prisma, type DbClient } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { hashPassword } from './password';
import { RegisterSchema, RoleSchema, type Role } from './schemas';

export type PublicUser = { id: string; email: string; name: string | null; role: Role };

export async function createUser(
  { input }: { input: { email: string; password: string; name?: string; role?: Role } },
  db: DbClient = prisma,
): Promise<PublicUser> {
  const { email, password, name } = RegisterSchema.parse(input);
  const role = RoleSchema.parse(input.role ?? 'CANDIDATE');
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: { email, name: name || null, passwordHash, role },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new ConflictError(ACCOUNT_EXISTS_MESSAGE);
    }
    throw error;
  }
}
