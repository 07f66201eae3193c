// The rows the seeds mean by their slugs, by seed slug: the topic or question the seeds recorded
// under that slug (`seedSlug`), wherever an admin has since renamed it, else one still at that
// slug that no seed has claimed (a row from before the record, or an admin's that took a seed's
// slug: the seeds have always treated such a row as theirs). A row found the second way is claimed
// (its `seedSlug` set), so a later rename does not lose it. Without this, a re-seed after an
// admin renamed a seeded question added a second copy under the old slug (docs/decisions/003,
// "Re-seeding after a rename"). Deleted rows are found too: the seeders leave them deleted.
// A seed slug with no row of its own may still be taken, by a row the seeds know by another slug
// (an admin renamed a seeded row to it before the seeds added theirs): `takenSeedQuestionSlugs`
// names the holder, and the seeders leave that seed out rather than write it over the admin's row
// or fail on the slug's unique index.
import type { DbClient } from '@/server/db';

type Row = { id: string; slug: string; seedSlug: string | null };

async function claim(rows: Row[], slugs: readonly string[], setSeedSlug: (id: string, slug: string) => Promise<unknown>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const row of rows) if (row.seedSlug !== null) ids.set(row.seedSlug, row.id);
  for (const row of rows) {
    if (row.seedSlug !== null || ids.has(row.slug) || !slugs.includes(row.slug)) continue;
    await setSeedSlug(row.id, row.slug);
    ids.set(row.slug, row.id);
  }
  return ids;
}

const matching = (slugs: readonly string[]) => ({ OR: [{ seedSlug: { in: [...slugs] } }, { seedSlug: null, slug: { in: [...slugs] } }] });

export async function claimSeededQuestions(slugs: readonly string[], db: DbClient): Promise<Map<string, string>> {
  const rows = await db.question.findMany({ where: matching(slugs), select: { id: true, slug: true, seedSlug: true } });
  return claim(rows, slugs, (id, seedSlug) => db.question.update({ where: { id }, data: { seedSlug }, select: { id: true } }));
}

export async function claimSeededTopics(slugs: readonly string[], db: DbClient): Promise<Map<string, string>> {
  const rows = await db.topic.findMany({ where: matching(slugs), select: { id: true, slug: true, seedSlug: true } });
  return claim(rows, slugs, (id, seedSlug) => db.topic.update({ where: { id }, data: { seedSlug }, select: { id: true } }));
}

type Holder = { slug: string; seedSlug: string | null };

// The seed slugs (of those `claim…` did not find) held by a row the seeds know by another slug:
// slug → the holder's seed slug.
function taken(rows: Holder[]): Map<string, string> {
  return new Map(rows.map((row) => [row.slug, row.seedSlug ?? row.slug]));
}

export async function takenSeedQuestionSlugs(slugs: readonly string[], found: Map<string, string>, db: DbClient): Promise<Map<string, string>> {
  const missing = slugs.filter((slug) => !found.has(slug));
  if (missing.length === 0) return new Map();
  return taken(await db.question.findMany({ where: { slug: { in: missing } }, select: { slug: true, seedSlug: true } }));
}

// One seed topic: the id of its row (none: not in the bank yet), or `holder`, the seed slug of
// the seeded topic an admin gave this slug to.
export async function claimSeededTopic(slug: string, db: DbClient): Promise<{ id?: string; holder?: string }> {
  const found = await claimSeededTopics([slug], db);
  if (found.has(slug)) return { id: found.get(slug) };
  const holder = await db.topic.findUnique({ where: { slug }, select: { slug: true, seedSlug: true } });
  return holder ? { holder: taken([holder]).get(slug) } : {};
}
