import { questionSlug } from '@/lib/slugify';
import type { DbClient } from '@/server/db';

// A slug from the prompt's first meaningful words, with -2, -3… when another question has it.
// Call it inside the transaction that inserts the question: it takes a lock held until that
// transaction ends, so two creates with the same prompt at the same moment (two tabs, two admins)
// take turns and the second sees the first one's slug, instead of both choosing the same one and
// the second failing on the unique slug with a message about a slug the admin never chose.
export async function uniqueQuestionSlug(prompt: string, db: DbClient): Promise<string> {
  const base = questionSlug(prompt).slice(0, 100).replace(/-+$/, '') || 'question';
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`rehearse:question-slug:${base}`}))::text`;
  const taken = new Set(
    (await db.question.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((q) => q.slug),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
