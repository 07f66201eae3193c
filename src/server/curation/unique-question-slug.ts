import { questionSlug } from '@/lib/slugify';
import type { DbClient } from '@/server/db';

// A slug from the prompt's first meaningful words, with -2, -3… when another question has it.
export async function uniqueQuestionSlug(prompt: string, db: DbClient): Promise<string> {
  const base = questionSlug(prompt).slice(0, 100).replace(/-+$/, '') || 'question';
  const taken = new Set(
    (await db.question.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((q) => q.slug),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
