// One click: runs the newest version's validation material through `graders` (the run pool's from
// the web app, curation/real-graders.ts in-process elsewhere; the caller chooses, so the web
// bundle never holds the sandbox) and stores the outcome, with the hash of the material it
// checked, on the version. Grading happens outside any transaction: it can take seconds.
import type { AuditActor } from '@/server/audit/schemas';
import { Prisma } from '@/generated/prisma/client';
import { recordAudit } from '@/server/audit/record-audit';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { inTransaction } from './in-transaction';
import { materialHash } from './material-hash';
import { readMaterial } from './read-material';
import { runValidation, type ValidationGraders } from './run-validation';
import { IdSchema, materialKindProblems, type ValidationOutcome } from './schemas';
import { storedMaterialSelect } from './stored-material';
import { runPoolGraders } from '@/server/runs/run-pool-graders';

export async function validateQuestion(
  // null: the command line (npm run db:seed -- --refresh), as the audit log records it.
  { actor, input }: { actor: AuditActor; input: { questionId: string } },
  db: Db | DbClient,
  graders: ValidationGraders,
): Promise<{ version: number; outcome: ValidationOutcome }> {
  const questionId = IdSchema.parse(input.questionId);
  const question = await db.question.findFirst({
    where: { id: questionId, deletedAt: null },
    select: { slug: true, prompt: true, answerKind: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { id: true, version: true, ...storedMaterialSelect } } },
  });
  if (!question) throw new NotFoundError('That question does not exist or was deleted.');
  const latest = question.versions[0];
  if (!latest) throw new ConflictError('This question has no grading material yet: add it, then validate.');
  const { material, problems } = readMaterial(latest, question.answerKind);
  const unreadable = [...problems, ...materialKindProblems(question.answerKind, material).map((p) => `${p.path.join('.')}: ${p.message}`)];
  const outcome: ValidationOutcome =
    unreadable.length > 0
      ? {
          passed: false,
          summary: `the stored material is invalid: ${unreadable.join('; ')}`,
          materialHash: materialHash(material),
          checks: unreadable.map((message) => ({ kind: 'material', name: 'material', passed: false, message })),
        }
      : await runValidation({ answerKind: question.answerKind, material, prompt: question.prompt }, graders);
  await inTransaction(db, async (tx) => {
    await tx.questionVersion.update({
      where: { id: latest.id },
      data: { validationResult: outcome as unknown as Prisma.InputJsonValue, validatedAt: new Date() },
      select: { id: true },
    });
    await recordAudit(
      { actor, input: { action: 'question.validate', entity: 'question-version', entityId: latest.id, details: { slug: question.slug, version: latest.version, passed: outcome.passed } } },
      tx,
    );
  });
  return { version: latest.version, outcome };
}

// The Validate button's verb: the code runs on the run pool (the runner under `npm start`), never
// in the web process that holds the database password.
export function validateQuestionOnRunPool(args: { actor: { id: string }; input: { questionId: string } }) {
  return validateQuestion(args, prisma, runPoolGraders);
}
