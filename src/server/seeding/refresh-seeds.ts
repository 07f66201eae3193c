// `npm run db:seed -- --refresh [slug ...]`: brings the questions seeds/ gives material to (all of
// them, or the slugs named) up to the material in seeds/ now, one question at a time
// (refresh-seeded-question.ts), and describes what happened to each. Plain seeding never changes a
// question that has a version; this is the operator's explicit way to take improved seed material.
import { prisma, type Db } from '@/server/db';
import { realGraders } from '@/server/curation/real-graders';
import type { ValidationGraders } from '@/server/curation/run-validation';
import { listSeedMaterial, SEEDS_DIR, unknownSeedSlugs, UnknownSeedSlugsError } from './list-seed-material';
import { refreshSeededQuestion, type RefreshOutcome } from './refresh-seeded-question';

export type RefreshSummary = { outcomes: RefreshOutcome[]; counts: Record<RefreshOutcome['status'], number> };

export async function refreshSeeds(
  { dir = SEEDS_DIR, slugs = [], force = false, onOutcome }: { dir?: string; slugs?: string[]; force?: boolean; onOutcome?: (outcome: RefreshOutcome) => void } = {},
  db: Db = prisma,
  graders: ValidationGraders = realGraders,
): Promise<RefreshSummary> {
  const sources = await listSeedMaterial({ dir });
  const unknown = unknownSeedSlugs(sources, slugs);
  if (unknown.length > 0) throw new UnknownSeedSlugsError(unknown);
  const chosen = slugs.length > 0 ? [...new Set(slugs)] : [...sources.keys()].sort();
  const summary: RefreshSummary = { outcomes: [], counts: { published: 0, unchanged: 0, skipped: 0, failed: 0 } };
  for (const slug of chosen) {
    const outcome = await refreshSeededQuestion({ input: { seed: sources.get(slug)!, force } }, db, graders);
    summary.outcomes.push(outcome);
    summary.counts[outcome.status]++;
    onOutcome?.(outcome);
  }
  return summary;
}

export function describeRefreshOutcome(outcome: RefreshOutcome): string {
  const head = `${outcome.status.padEnd(9)} ${outcome.slug}`;
  switch (outcome.status) {
    case 'published':
      return `${head}: published version ${outcome.version} (was ${outcome.previous})${outcome.forced ? " over an admin's change, with --force" : ''}`;
    case 'unchanged':
      return `${head}: version ${outcome.version} matches seeds/`;
    case 'skipped':
    case 'failed':
      return `${head}: ${outcome.reason}`;
  }
}

export function describeRefreshSummary({ outcomes, counts }: RefreshSummary): string {
  return `${outcomes.length} ${outcomes.length === 1 ? 'question' : 'questions'}: ${counts.published} published, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed`;
}
