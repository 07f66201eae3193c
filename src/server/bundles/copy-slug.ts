// The slug of a question imported as a copy (plan-bundle-import.ts): `<slug>-copy`, then
// `-copy-2`, `-copy-3`… the first that no question in the bank and nothing else in the bundle
// has. The original is cut short as the suffix grows, so every candidate stays within the slug
// limit however many copies there are (`-copy-1000` of a 120-character slug was 121 characters).
import type { DbClient } from '@/server/db';

const MAX_SLUG = 120;
// Candidates read from the bank at a time: one query for all but a bank full of copies.
const BATCH = 100;

export function copySlugCandidate(slug: string, n: number): string {
  const suffix = n === 1 ? '-copy' : `-copy-${n}`;
  return `${slug.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
}

export async function copySlug(slug: string, reserved: Set<string>, db: DbClient): Promise<string> {
  for (let from = 1; ; from += BATCH) {
    const candidates = Array.from({ length: BATCH }, (_, i) => copySlugCandidate(slug, from + i));
    const taken = new Set((await db.question.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((q) => q.slug));
    const free = candidates.find((candidate) => !taken.has(candidate) && !reserved.has(candidate));
    if (free) return free;
  }
}
