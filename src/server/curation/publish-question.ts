// Publishes a question's newest version, and the question with it. Refused (409, with the reason)
// unless that version's last validation passed and checked its material exactly as it is now.
import type { AuditActor } from '@/server/audit/schemas';
import type { AnswerKindCode } from '@/lib/labels';
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { lockQuestion } from './lock-question';
import { materialHash } from './material-hash';
import { readMaterial } from './read-material';
import { IdSchema, ValidationOutcomeSchema } from './schemas';
import { storedMaterialSelect } from './stored-material';

export async function publishQuestion(
  // null: the command line (npm run db:seed -- --refresh), as the audit log records it.
  { actor, input }: { actor: AuditActor; input: { questionId: string } },
  db: Db | DbClient = prisma,
): Promise<{ version: number; publishedAt: Date }> {
  const questionId = IdSchema.parse(input.questionId);
  const published = await inTransaction(db, async (tx) => {
    await lockQuestion(tx, questionId);
    const question = await tx.question.findFirst({
      where: { id: questionId, deletedAt: null },
      select: {
        slug: true,
        answerKind: true,
        published: true,
        versions: { orderBy: { version: 'desc' }, take: 1, select: { id: true, version: true, publishedAt: true, validationResult: true, ...storedMaterialSelect } },
      },
    });
    if (!question) throw new NotFoundError('That question does not exist or was deleted.');
    const latest = question.versions[0];
    if (!latest) throw new ConflictError('This question has no grading material yet: add it and validate it before publishing.');
    let publishedAt = latest.publishedAt;
    if (!publishedAt) {
      assertValidated(latest, question.answerKind);
      publishedAt = new Date();
      await tx.questionVersion.update({ where: { id: latest.id }, data: { publishedAt }, select: { id: true } });
    } else if (question.published) {
      return { version: latest.version, publishedAt };
    }
    await tx.question.update({ where: { id: questionId }, data: { published: true }, select: { id: true } });
    await recordAudit(
      { actor, input: { action: 'question.publish', entity: 'question', entityId: questionId, details: { slug: question.slug, version: latest.version } } },
      tx,
    );
    return { version: latest.version, publishedAt };
  });
  await invalidateCatalog({ db });
  return published;
}

function assertValidated(
  version: Parameters<typeof readMaterial>[0] & { version: number; validationResult: unknown },
  answerKind: AnswerKindCode,
): void {
  const outcome = ValidationOutcomeSchema.safeParse(version.validationResult);
  const { material, problems } = readMaterial(version, answerKind);
  if (!outcome.success || problems.length > 0 || outcome.data.materialHash !== materialHash(material)) {
    throw new ConflictError(`Validate version ${version.version} before publishing: its material has not been validated since it was last edited.`);
  }
  if (!outcome.data.passed) {
    throw new ConflictError(`Version ${version.version} did not pass validation: ${outcome.data.summary}. Fix the material, validate again, then publish.`);
  }
}
