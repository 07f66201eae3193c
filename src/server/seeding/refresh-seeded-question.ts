// Publishes one question's seed material as a new version when it differs from the newest version
// (docs/decisions/003, "Refreshing seed material"), through the admin's own verbs: save (a new
// version N+1; published versions are never changed), Validate, Publish; each writes its audit
// entry, with no actor, as the command line's changes are recorded. All in one transaction that
// holds the question's row: a validation failure leaves nothing behind, and an admin's save
// waits rather than interleaving. Refreshes only over the seed's own material, unless `force`.
import { ZodError, type ZodIssue } from 'zod';
import { readMaterial, type StoredMaterial } from '@/server/curation/read-material';
import { lockQuestion } from '@/server/curation/lock-question';
import { materialHash } from '@/server/curation/material-hash';
import { publishQuestion } from '@/server/curation/publish-question';
import type { ValidationGraders } from '@/server/curation/run-validation';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { MaterialSchema, type AnswerKind, type Material } from '@/server/curation/schemas';
import { storedMaterialSelect } from '@/server/curation/stored-material';
import { validateQuestion } from '@/server/curation/validate-question';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { claimSeededQuestions } from './claim-seeded-rows';
import { isSeedVersion } from './is-seed-version';
import type { SeedMaterialSource } from './list-seed-material';

export type RefreshOutcome = { slug: string } & (
  | { status: 'published'; version: number; previous: number; forced: boolean }
  | { status: 'unchanged'; version: number }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string }
);

// Validating code material runs each variant in the sandbox: seconds each.
const REFRESH_TRANSACTION = { timeout: 10 * 60_000, maxWait: 30_000 };

class NotPublished extends Error {}

const listIssues = (issues: readonly ZodIssue[]) => issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

// The rubric carries its version's number (save-question-material.ts stamps it): not seed material.
const comparable = (stored: StoredMaterial, answerKind: AnswerKind) => {
  const { material } = readMaterial(stored, answerKind);
  return materialHash(material.rubric ? { ...material, rubric: { ...material.rubric, version: 1 } } : material);
};

export async function refreshSeededQuestion(
  { input: { seed, force } }: { input: { seed: SeedMaterialSource; force: boolean } },
  db: Db,
  graders: ValidationGraders,
): Promise<RefreshOutcome> {
  const { slug } = seed;
  // The seeds' slug: an admin may have renamed the question since (claim-seeded-rows.ts).
  const seededId = (await claimSeededQuestions([slug], db)).get(slug);
  const question = seededId ? await db.question.findUnique({ where: { id: seededId }, select: { id: true, topicId: true, answerKind: true, published: true, deletedAt: true } }) : null;
  if (!question) return { slug, status: 'skipped', reason: 'not in the bank yet; `npm run db:seed` adds it' };
  if (question.deletedAt) return { slug, status: 'skipped', reason: 'deleted by an admin' };
  if (seed.answerKind && seed.answerKind !== question.answerKind) {
    return { slug, status: 'skipped', reason: `its answer kind is ${question.answerKind} here and ${seed.answerKind} in seeds/` };
  }
  let material: Material;
  try {
    const parsed = MaterialSchema.safeParse(await seed.read(question.answerKind));
    if (!parsed.success) throw new Error(listIssues(parsed.error.issues));
    material = parsed.data;
  } catch (error) {
    return { slug, status: 'failed', reason: `its seed material cannot be read: ${(error as Error).message}` };
  }
  const seedHash = comparable(material, question.answerKind);

  try {
    return await db.$transaction(async (tx): Promise<RefreshOutcome> => {
      await lockQuestion(tx, question.id);
      const latest = await tx.questionVersion.findFirst({
        where: { questionId: question.id },
        orderBy: { version: 'desc' },
        select: { id: true, version: true, publishedAt: true, createdAt: true, ...storedMaterialSelect },
      });
      if (!latest) return { slug, status: 'skipped', reason: 'it has no version yet; `npm run db:seed` gives it its first' };
      if (comparable(latest, question.answerKind) === seedHash) return { slug, status: 'unchanged', version: latest.version };
      // Even with --force: publishing on top would bury an admin's work in progress under the seed's.
      if (!latest.publishedAt) return { slug, status: 'skipped', reason: `version ${latest.version} is a draft an admin has not published; publish or change it in the admin pages first` };
      const fromSeed = await isSeedVersion({ version: latest, topicId: question.topicId }, tx);
      if (!fromSeed && !force) return { slug, status: 'skipped', reason: `version ${latest.version} was made by an admin and differs from seeds/; --force publishes the seed material over it` };
      if (!question.published && !force) return { slug, status: 'skipped', reason: 'an admin unpublished it; --force publishes the seed material and lists it again' };

      const saved = await saveQuestionMaterial({ actor: null, input: { questionId: question.id, material } }, tx);
      const { outcome } = await validateQuestion({ actor: null, input: { questionId: question.id } }, tx, graders);
      if (!outcome.passed) throw new NotPublished(`the seed material failed validation: ${outcome.summary}`);
      await publishQuestion({ actor: null, input: { questionId: question.id } }, tx);
      return { slug, status: 'published', version: saved.version, previous: latest.version, forced: !fromSeed || !question.published };
    }, REFRESH_TRANSACTION);
  } catch (error) {
    if (error instanceof NotPublished) return { slug, status: 'failed', reason: error.message };
    // The verbs refuse what an admin would be refused (material that cannot be saved, a conflict).
    if (error instanceof ZodError) return { slug, status: 'failed', reason: `the seed material was refused: ${listIssues(error.issues)}` };
    if (error instanceof AppError) return { slug, status: 'failed', reason: error.message };
    throw error;
  }
}
