// A new question starts as a draft (published = false) with an empty draft version 1, so its
// grading material can be written, validated and published from the admin page.
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { QuestionInputSchema, type QuestionInput } from './schemas';
import { uniqueQuestionSlug } from './unique-question-slug';
import { rethrowSlugConflict } from './unique-violation';

export async function createQuestion(
  { actor, input }: { actor: { id: string }; input: QuestionInput },
  db: Db | DbClient = prisma,
): Promise<{ id: string; slug: string }> {
  const { topicId, slug: requested, ...fields } = QuestionInputSchema.parse(input);
  try {
    return await inTransaction(db, async (tx) => {
      const topic = await tx.topic.findFirst({ where: { id: topicId, deletedAt: null }, select: { id: true } });
      if (!topic) throw new NotFoundError('That topic does not exist or was deleted.');
      const slug = requested ?? (await uniqueQuestionSlug(fields.prompt, tx));
      const last = await tx.question.findFirst({ where: { topicId }, orderBy: { position: 'desc' }, select: { position: true } });
      const question = await tx.question.create({
        data: { ...fields, slug, topicId, position: (last?.position ?? -1) + 1, published: false, versions: { create: { version: 1 } } },
        select: { id: true, slug: true },
      });
      await recordAudit({ actor, input: { action: 'question.create', entity: 'question', entityId: question.id, details: { slug, topicId } } }, tx);
      return question;
    });
  } catch (error) {
    rethrowSlugConflict(error, 'question', requested ?? fields.prompt, requested !== undefined);
  }
}
