// Turns a unique-constraint violation on a slug into a message an admin can act on.
import { Prisma } from '@/generated/prisma/client';
import { ConflictError } from '@/server/errors';

// `given`: the admin sent this slug (not one made from the prompt), so the answer marks their
// field too (briefly: the message says it all), as a slug that is not valid is marked.
export function rethrowSlugConflict(error: unknown, entity: 'topic' | 'question', slug: string, given = true): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const message = `Another ${entity} (perhaps a deleted one) already uses the slug "${slug}". Choose another.`;
    throw new ConflictError(message, given ? { fields: { slug: `Already used by another ${entity}.` } } : undefined);
  }
  throw error;
}
