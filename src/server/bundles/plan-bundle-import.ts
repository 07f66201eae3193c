// Decides, before anything is written, what happens to each bundle question whose slug already
// belongs to ANOTHER topic: an import never moves a question silently. Under "refuse" the question
// is left where it is and reported; under "copy" it is imported as a new question with a new slug
// (the original, its topic and its attempts stay untouched).
import type { DbClient } from '@/server/db';
import { copySlug } from './copy-slug';
import type { Bundle, BundleQuestion, ImportedQuestion, OtherTopicPolicy } from './schemas';

export type PlannedQuestion = { position: number; question: BundleQuestion; copiedFrom: string | null };
export type ImportPlan = { apply: PlannedQuestion[]; refused: ImportedQuestion[] };

export async function planBundleImport(bundle: Bundle, onOtherTopic: OtherTopicPolicy, db: DbClient): Promise<ImportPlan> {
  const slugs = bundle.questions.map((q) => q.slug);
  const existing = await db.question.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, topic: { select: { slug: true, name: true } } },
  });
  const elsewhere = new Map(existing.filter((q) => q.topic.slug !== bundle.topic.slug).map((q) => [q.slug, q.topic]));
  const plan: ImportPlan = { apply: [], refused: [] };
  const reserved = new Set(slugs);
  for (const [position, question] of bundle.questions.entries()) {
    const topic = elsewhere.get(question.slug);
    if (!topic) {
      plan.apply.push({ position, question, copiedFrom: null });
    } else if (onOtherTopic === 'refuse') {
      plan.refused.push({
        slug: question.slug,
        outcome: 'refused',
        copiedFrom: null,
        reason: `"${question.slug}" belongs to the topic "${topic.name}" (${topic.slug}); it was left there. Import as copies to add it here too.`,
        fieldsChanged: [],
        keptDraft: null,
      });
    } else {
      const slug = await copySlug(question.slug, reserved, db);
      reserved.add(slug);
      plan.apply.push({ position, question: { ...question, slug }, copiedFrom: question.slug });
    }
  }
  return plan;
}
