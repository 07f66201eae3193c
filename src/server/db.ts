// The one Prisma client of the app and the worker. It survives dev-server reloads through
// globalThis, so hot reloading does not open a new pool each time.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

export type Db = PrismaClient;
// A client or an interactive transaction: verbs accept either, so callers can compose them.
export type DbClient = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

function createClient(): PrismaClient {
  // The pool connects lazily, so importing this module during `next build` needs no database.
  const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });
  // Password hashes never leave the data layer unless a verb asks for them explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? createClient();

if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

// Prisma's interactive transaction client is the client without $connect, $disconnect, $on and
// $extends. It still has $transaction (Prisma 7 keeps it for nested transactions), so testing for
// that would call a transaction client a client. The queue's commits-without-flush test holds this
// to the real thing.
export function isTransactionClient(db: Db | DbClient): boolean {
  return typeof (db as { $connect?: unknown }).$connect !== 'function';
}
