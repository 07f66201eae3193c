// Decides, before anything is written, what happens to each bundle question whose slug already
// belongs to ANOTHER topic: an import never moves a question silently. Under "refuse" the question
// is left where it is and reported; under "copy" it is imported as a new question with a new slug
// (the original, its topic and its attempts stay untouched).
import type { DbClient } from '@/server/db';
import type { Bundle, BundleQuestion, ImportedQuestion, OtherTopicPolicy } from './schemas';

export type PlannedQuestion = { position: number; question: BundleQuestion; copiedFrom: string | null };
export type ImportPlan = { apply: PlannedQuestion[]; refused: ImportedQuestion[] };

const MAX_SLUG = 120;

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
      });
    } else {
      const slug = await copySlug(question.slug, reserved, db);
      reserved.add(slug);
      plan.apply.push({ position, question: { ...question, slug }, copiedFrom: question.slug });
    }
  }
  return plan;
}

// `<slug>-copy`, then `-copy-2`, `-copy-3`… avoiding every slug in the bank and in the bundle.
async function copySlug(slug: string, reserved: Set<string>, db: DbClient): Promise<string> {
  const base = `${slug.slice(0, MAX_SLUG - 9).replace(/-+$/, '')}-copy`;
  const taken = new Set((await db.question.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((q) => q.slug));
  const free = (s: string) => !taken.has(s) && !reserved.has(s);
  if (free(base)) return base;
  let n = 2;
  while (!free(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
