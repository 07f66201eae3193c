// Seeds the bank from seeds/: the InterviewStack documents (seeds/*.txt), our own topics
// (seeds/topics/*.json, imported as bundles: only questions new to the bank are added), then the
// taxonomy (seeds/taxonomy.json). All documents are parsed before anything is written, and
// everything is written in one transaction: a malformed document changes nothing.
import path from 'node:path';
import { prisma, type Db, type DbClient } from '@/server/db';
import { importSeedDocument, type ImportSummary } from './import-seed-document';
import { SEEDS_DIR } from './list-seed-material';
import { readSeedDocuments } from './read-seed-documents';
import { seedContent } from './seed-content';
import { readTaxonomy, seedTaxonomy } from './seed-taxonomy';
import { seedTopics } from './seed-topics';
import { invalidateCatalog } from '@/server/cache/invalidate-catalog';

// Reading and checking every rubric takes a while on a busy machine; Prisma's 5 s default is tight.
const SEED_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

// One seeding at a time (`npm run db:seed` beside another, or beside `npm start` seeding an empty
// bank): the second waits for the first to commit, then finds its rows, instead of failing on a
// slug's unique index. Held until the transaction ends.
async function lockSeeding(tx: DbClient) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('rehearse:db-seed'))::text`;
}

export async function seedBank({ dir = SEEDS_DIR }: { dir?: string } = {}, db: Db = prisma): Promise<ImportSummary[]> {
  const docs = await readSeedDocuments(dir);
  const taxonomy = await readTaxonomy(path.join(dir, 'taxonomy.json'));
  const summaries = await db.$transaction(async (tx) => {
    await lockSeeding(tx);
    const summaries: ImportSummary[] = [];
    for (const doc of docs) summaries.push(await importSeedDocument({ doc }, tx));
    summaries.push(...(await seedTopics({ dir }, tx)));
    if (taxonomy) await seedTaxonomy({ taxonomy }, tx);
    // Grading material for questions that have none yet (seeds/content/<question-slug>/).
    await seedContent({ dir: path.join(dir, 'content') }, tx);
    return summaries;
  }, SEED_TRANSACTION);
  // A seed into a database that running web servers read (`npm run db:seed`) shows at once.
  await invalidateCatalog({ db });
  return summaries;
}

export async function isBankEmpty(db: Db = prisma): Promise<boolean> {
  return (await db.question.count()) === 0;
}

// Gives questions that have no grading material yet their first version from seeds/content, for
// databases seeded before that content existed. Never touches a question that has a version.
export async function seedMissingContent({ dir = SEEDS_DIR }: { dir?: string } = {}, db: Db = prisma) {
  return db.$transaction(async (tx) => {
    await lockSeeding(tx);
    return seedContent({ dir: path.join(dir, 'content') }, tx);
  }, SEED_TRANSACTION);
}
