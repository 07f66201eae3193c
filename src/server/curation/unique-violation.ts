// Turns a unique-constraint violation on a slug into a message an admin can act on.
import { Prisma } from '@/generated/prisma/client';
import { ConflictError } from '@/server/errors';

export function rethrowSlugConflict(error: unknown, entity: 'topic' | 'question', slug: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    // `fields`: a form that shows the slug marks that field too (briefly: the message says it all).
    throw new ConflictError(`Another ${entity} (perhaps a deleted one) already uses the slug "${slug}". Choose another.`, {
      fields: { slug: `Already used by another ${entity}.` },
    });
  }
  throw error;
}
