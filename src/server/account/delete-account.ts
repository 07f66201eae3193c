// Deletes the signed-in user's account. Their attempts (and the practice rows that make the
// public "N practiced" counts) move to a fresh anonymous placeholder with no email of theirs, no
// password and no name, so the counts stay right and nothing points back at them; then the
// account itself is deleted. One transaction: all of it or none.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { prisma, type Db } from '@/server/db';
import { BadRequestError, NotFoundError } from '@/server/errors';

export const DeleteAccountSchema = z.object({
  confirm: z.string({ error: 'Type your email address to confirm.' }).trim().min(1, 'Type your email address to confirm.'),
});

// Placeholder accounts use a reserved domain (RFC 2606) and cannot sign in.
export const ANONYMOUS_EMAIL_DOMAIN = 'deleted.invalid';

export async function deleteAccount({ actor, input }: { actor: { id: string }; input: unknown }, db: Db = prisma) {
  const { confirm } = DeleteAccountSchema.parse(input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { email: true } });
    if (!user) throw new NotFoundError('No such account.');
    if (user.email !== confirm.toLowerCase()) throw new BadRequestError('That is not your email address; type it exactly to confirm.', { fields: { confirm: 'Type your email address exactly.' } });
    const placeholder = await tx.user.create({
      data: { email: `${randomUUID()}@${ANONYMOUS_EMAIL_DOMAIN}`, name: null, passwordHash: null },
      select: { id: true },
    });
    const moved = await tx.attempt.updateMany({ where: { userId: actor.id }, data: { userId: placeholder.id } });
    await tx.questionPractice.updateMany({ where: { userId: actor.id }, data: { userId: placeholder.id } });
    await tx.answerReveal.deleteMany({ where: { userId: actor.id } });
    await tx.reviewCard.deleteMany({ where: { userId: actor.id } });
    await tx.auditLog.updateMany({ where: { actorId: actor.id }, data: { actorId: null } });
    await tx.user.delete({ where: { id: actor.id } });
    return { deleted: true, attemptsAnonymised: moved.count };
  });
}
