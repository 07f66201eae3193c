// Turns a unique-constraint violation on a slug into a message an admin can act on.
import { Prisma } from '@/generated/prisma/client';
import { ConflictError } from '@/server/errors';

export function rethrowSlugConflict(error: unknown, entity: 'topic' | 'question', slug: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw new ConflictError(`Another ${entity} (perhaps a deleted one) already uses the slug "${slug}". Choose another.`);
  }
  throw error;
}
