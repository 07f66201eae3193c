// An admin asks to re-grade a question's past attempts under its live (latest published) version.
// Eligible: attempts whose grade is a grade of the answer (PASSED, FAILED, ERROR) under an older
// version, or under the live version by an earlier grader revision (a checker corrected without a
// version bump: docs/decisions/023). Each becomes a queued AttemptRegrade that workers take only
// when no candidate's job is due. Idempotent: an attempt is re-graded at most once per version and
// grader revision (a unique key), and asking again while such a run is under way answers with that
// run. Re-grades still queued for an older version or revision are skipped: the newer run covers
// their attempts. Audited.
import { recordAudit } from '@/server/audit/record-audit';
import { inTransaction } from '@/server/curation/in-transaction';
import { prisma, type Db, type DbClient } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { GRADER_REVISION } from '@/grading/grader-revision';
import { GRADING_JOBS_CHANNEL } from '@/server/grading-jobs/schemas';
import { sendNotification } from '@/server/send-notification';
import { regradeEligibleSql } from './regrade-eligible';
import { StartRegradeSchema } from './schemas';

export type StartedRegrade = { runId: string; version: number; graderRevision: string; total: number; isNew: boolean };

export async function startRegrade(
  { actor, input }: { actor: { id: string }; input: unknown },
  db: Db | DbClient = prisma,
): Promise<StartedRegrade> {
  const { questionId } = StartRegradeSchema.parse(input);
  const started = await inTransaction(db, async (tx) => {
    const question = await tx.question.findFirst({
      where: { id: questionId, deletedAt: null },
      select: { slug: true, versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: { id: true, version: true } } },
    });
    if (!question) throw new NotFoundError('That question does not exist or was deleted.');
    const live = question.versions[0];
    if (!live) throw new ConflictError('This question has no published version to re-grade against yet.');
    // One run per version at a time: the same request twice is the same run.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`regrade:${questionId}`}))`;
    const active = await tx.regradeRun.findFirst({
      where: { questionVersionId: live.id, graderRevision: GRADER_REVISION, regrades: { some: { state: { in: ['QUEUED', 'RUNNING'] } } } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, total: true },
    });
    if (active) return { runId: active.id, version: live.version, graderRevision: GRADER_REVISION, total: active.total, isNew: false };

    const run = await tx.regradeRun.create({ data: { questionId, questionVersionId: live.id, graderRevision: GRADER_REVISION, requestedById: actor.id, total: 0 }, select: { id: true } });
    const total = await tx.$executeRaw`
      INSERT INTO "AttemptRegrade" ("id", "runId", "attemptId", "questionVersionId", "graderRevision", "updatedAt")
      SELECT gen_random_uuid(), ${run.id}::uuid, a.id, ${live.id}::uuid, ${GRADER_REVISION}, now() AT TIME ZONE 'UTC'
        FROM "Attempt" a LEFT JOIN "QuestionVersion" v ON v.id = a."questionVersionId"
       WHERE a."questionId" = ${questionId}::uuid
         AND a.status IN ('PASSED', 'FAILED', 'ERROR')
         AND (${regradeEligibleSql(live)})
      ON CONFLICT ("attemptId", "questionVersionId", "graderRevision") DO NOTHING`;
    if (total === 0) throw new ConflictError(`There is nothing to re-grade: every graded attempt is already graded under version ${live.version} by the current grader.`);
    await tx.regradeRun.update({ where: { id: run.id }, data: { total }, select: { id: true } });
    // Re-grades still waiting under an older version or grader revision would only be replaced by these.
    await tx.$executeRaw`
      UPDATE "AttemptRegrade" r SET state = 'SKIPPED', "lastError" = ${`superseded by the re-grade under version ${live.version} by grader revision ${GRADER_REVISION}`}, "updatedAt" = now() AT TIME ZONE 'UTC'
        FROM "RegradeRun" run
       WHERE run.id = r."runId" AND run."questionId" = ${questionId}::uuid AND r.state = 'QUEUED' AND r."runId" <> ${run.id}::uuid`;
    await recordAudit(
      { actor, input: { action: 'question.regrade', entity: 'question', entityId: questionId, details: { slug: question.slug, version: live.version, graderRevision: GRADER_REVISION, attempts: total } } },
      tx,
    );
    return { runId: run.id, version: live.version, graderRevision: GRADER_REVISION, total, isNew: true };
  });
  // Idle workers look at once (the notification is only a hint; they claim through the tables).
  if (started.isNew) await sendNotification(GRADING_JOBS_CHANNEL, started.runId, db);
  return started;
}
