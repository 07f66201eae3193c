// `npm run db:seed`: imports every document in seeds/ (idempotent; counts never go down; a field an
// admin changed is kept and named, docs/decisions/003 "Re-seeding keeps admins' edits").
// `npm run db:seed -- --refresh [slug ...] [--force]`: publishes the seed material of questions that
// already have versions as a new version where seeds/ has changed it (docs/decisions/003).
import { runWithDatabase } from './lib/run-with-database';
import { parseCli } from './lib/parse-cli';

const USAGE =
  'usage: npm run db:seed   (imports every document in seeds/, idempotent, keeping what admins changed, into DATABASE_URL or the embedded Postgres)\n' +
  '       npm run db:seed -- --refresh [slug ...] [--force]   (publishes changed seed material as a new version of each seeded question, or of those named; ' +
  "--force also over a version an admin made)";
const { values, positionals } = parseCli({
  name: 'db:seed',
  usage: USAGE,
  options: { refresh: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  positionals: { min: 0, max: Infinity },
});
const refuse = (problem: string): never => {
  console.error(`[db:seed] ${problem}`);
  console.error(USAGE);
  process.exit(2);
};
if (!values.refresh && (values.force || positionals.length > 0)) refuse('question slugs and --force go with --refresh');

if (values.refresh && positionals.length > 0) {
  // A mistyped slug is refused before a database is started.
  const { findUnknownSeedSlugs, UnknownSeedSlugsError } = await import('../src/server/seeding/list-seed-material');
  const unknown = await findUnknownSeedSlugs({ slugs: positionals });
  if (unknown.length > 0) refuse(new UnknownSeedSlugsError(unknown).message);
}

await runWithDatabase(
  'seed',
  async () => {
    if (!values.refresh) {
      const { seedBank } = await import('../src/server/seeding/seed-bank');
      const { describeKeptField } = await import('../src/server/seeding/merge-seeded-fields');
      const summaries = await seedBank();
      for (const s of summaries) console.log(`[seed] ${s.topic}: ${s.created} created, ${s.updated} updated${s.kept.length ? `, ${s.kept.length} kept or left out (below)` : ''}`);
      // What an admin changed stays; each field the seeds would have changed is named.
      for (const kept of summaries.flatMap((s) => s.kept)) console.log(`[seed] ${describeKeptField(kept)}`);
      return;
    }
    const { describeRefreshOutcome, describeRefreshSummary, refreshSeeds } = await import('../src/server/seeding/refresh-seeds');
    const summary = await refreshSeeds({ slugs: positionals, force: values.force, onOutcome: (o) => console.log(`[seed] ${describeRefreshOutcome(o)}`) });
    console.log(`[seed] refresh: ${describeRefreshSummary(summary)}`);
    if (summary.counts.failed > 0) process.exitCode = 1;
  },
  { log: true },
);
