// Imports a bundle: zod-validated first (every problem named by its path in the file), then any
// published material that is new to this bank is validated like the Validate button does, and
// only then is everything written in ONE transaction, so a bad bundle changes nothing. Topics and
// questions are matched by slug (a deleted one is restored); nothing is ever deleted, and a
// question that belongs to another topic is never moved: it is refused or imported as a copy
// (plan-bundle-import.ts), and a draft an admin saved is never overwritten (apply-bundle-question.ts).
// The summary says what happened to each question: fields changed, drafts kept.
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';
import { recordAudit } from '@/server/audit/record-audit';
import type { AuditActor } from '@/server/audit/schemas';
import { inTransaction } from '@/server/curation/in-transaction';
import { materialHash } from '@/server/curation/material-hash';
import { readMaterial } from '@/server/curation/read-material';
import { runValidation, type ValidationGraders } from '@/server/curation/run-validation';
import type { ValidationOutcome } from '@/server/curation/schemas';
import { storedMaterialSelect } from '@/server/curation/stored-material';
import { prisma, type Db, type DbClient } from '@/server/db';
import { runPoolGraders } from '@/server/runs/run-pool-graders';
import { applyBundleQuestion } from './apply-bundle-question';
import { BundleError, parseBundle } from './parse-bundle';
import { planBundleImport, type PlannedQuestion } from './plan-bundle-import';
import { liveMaterial, type ImportSummary, type OtherTopicPolicy } from './schemas';

export async function importBundle(
  { actor, input, onOtherTopic = 'refuse' }: { actor: AuditActor; input: unknown; onOtherTopic?: OtherTopicPolicy },
  db: Db | DbClient,
  // The run pool's from the web app, curation/real-graders.ts from the command line and seeding.
  graders: ValidationGraders,
): Promise<ImportSummary> {
  const bundle = parseBundle(input);
  const plan = await planBundleImport(bundle, onOtherTopic, db);
  const outcomes = await validateNewMaterial(plan.apply, db, graders);
  const imported = await inTransaction(db, async (tx) => {
    const existing = await tx.topic.findUnique({ where: { slug: bundle.topic.slug }, select: { id: true, deletedAt: true } });
    // Every question refused and the topic new (or deleted): nothing to import, and no empty
    // topic to list (it would be published to the catalog with no question in it).
    const nothingToImport = (!existing || existing.deletedAt !== null) && plan.apply.length === 0;
    const topic = nothingToImport
      ? null
      : await tx.topic.upsert({
          where: { slug: bundle.topic.slug },
          create: bundle.topic,
          update: { ...bundle.topic, deletedAt: null },
          select: { id: true },
        });
    const summary: ImportSummary = {
      topic: bundle.topic.slug,
      topicCreated: !existing && topic !== null,
      questionsCreated: 0,
      questionsUpdated: 0,
      questionsUnchanged: 0,
      questionsRefused: plan.refused.length,
      versionsCreated: 0,
      versionsPublished: 0,
      validated: outcomes.size,
      draftsKept: 0,
      questions: [],
    };
    for (const { position, question, copiedFrom } of plan.apply) {
      const applied = await applyBundleQuestion({ topicId: topic!.id, position, question, outcome: outcomes.get(position) ?? null }, tx);
      const outcome = applied.created ? 'created' : applied.changed ? 'updated' : 'unchanged';
      summary[outcome === 'created' ? 'questionsCreated' : outcome === 'updated' ? 'questionsUpdated' : 'questionsUnchanged']++;
      summary.versionsCreated += applied.versionsCreated;
      summary.versionsPublished += applied.versionsPublished;
      if (applied.keptDraft) summary.draftsKept++;
      summary.questions[position] = {
        slug: question.slug,
        outcome,
        copiedFrom,
        reason: copiedFrom ? `a copy of "${copiedFrom}", which belongs to another topic` : null,
        fieldsChanged: applied.fieldsChanged,
        keptDraft: applied.keptDraft,
      };
    }
    for (const refused of plan.refused) summary.questions[bundle.questions.findIndex((q) => q.slug === refused.slug)] = refused;
    const { questions, ...counts } = summary;
    const details = {
      ...counts,
      copied: questions.filter((q) => q.copiedFrom).map((q) => `${q.copiedFrom} → ${q.slug}`),
      refused: questions.filter((q) => q.outcome === 'refused').map((q) => q.slug),
      keptDrafts: questions.flatMap((q) => (q.keptDraft ? [`${q.slug} version ${q.keptDraft.version}`] : [])),
    };
    await recordAudit({ actor, input: { action: 'bundle.import', entity: 'topic', entityId: topic?.id ?? null, details } }, tx);
    return summary;
  });
  await invalidateCatalog({ db });
  return imported;
}

// Published material this bank does not already publish must pass validation, exactly as if an
// admin had pressed Validate; failures are reported by question, like schema errors.
// An admin's import through the web app: new code material is validated on the run pool (the
// runner under `npm start`), never in the web process. The command line validates in-process.
export function importBundleOnRunPool(args: { actor: AuditActor; input: unknown; onOtherTopic?: OtherTopicPolicy }): Promise<ImportSummary> {
  return importBundle(args, prisma, runPoolGraders);
}

async function validateNewMaterial(planned: PlannedQuestion[], db: DbClient, graders: ValidationGraders): Promise<Map<number, ValidationOutcome>> {
  const current = await db.question.findMany({
    where: { slug: { in: planned.map((p) => p.question.slug) } },
    select: {
      slug: true,
      answerKind: true,
      versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: storedMaterialSelect },
      _count: { select: { versions: { where: { publishedAt: { not: null } } } } },
    },
  });
  const bySlug = new Map(current.map((q) => [q.slug, q]));
  const outcomes = new Map<number, ValidationOutcome>();
  const errors: string[] = [];
  for (const { position: i, question } of planned) {
    const known = bySlug.get(question.slug);
    if (known && known.answerKind !== question.answerKind && known._count.versions > 0) {
      errors.push(`questions[${i}].answerKind: expected ${JSON.stringify(known.answerKind)} like the existing question: the answer kind cannot change once a version is published`);
      continue;
    }
    const material = liveMaterial(question);
    if (!material) continue;
    const published = known?.versions[0];
    if (published && materialHash(readMaterial(published, question.answerKind).material) === materialHash(material)) continue;
    const outcome = await runValidation({ answerKind: question.answerKind, material, prompt: question.prompt }, graders);
    if (!outcome.passed) errors.push(`questions[${i}]: validation failed for "${question.slug}": ${outcome.summary}`);
    outcomes.set(i, outcome);
  }
  if (errors.length > 0) throw new BundleError(errors);
  return outcomes;
}
