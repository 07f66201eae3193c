// `npm run user:create -- --email E --password P [--name N] [--role admin|candidate]`
// Creates an account from the terminal; the only way to make the first admin.
import { z } from 'zod';
import { parseCli } from './lib/parse-cli';
import { runWithDatabase } from './lib/run-with-database';

const ArgsSchema = z.object({
  email: z.string({ error: '--email is required' }),
  password: z.string({ error: '--password is required' }),
  name: z.string().optional(),
  role: z.enum(['admin', 'candidate'], { error: '--role is "admin" or "candidate"' }).default('candidate'),
});

const USAGE = 'usage: npm run user:create -- --email E --password P [--name N] [--role admin|candidate]';
const { values } = parseCli({
  name: 'user:create',
  usage: USAGE,
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
});
const args = ArgsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues.map((i) => `[user:create] ${i.message}`).join('\n'));
  console.error(USAGE);
  process.exit(2);
}

await runWithDatabase('user:create', async () => {
  const { createUser } = await import('../src/server/users/create-user');
  const { ConflictError } = await import('../src/server/errors');
  const { role, ...input } = args.data;
  const user = await createUser({ input: { ...input, role: role === 'admin' ? 'ADMIN' : 'CANDIDATE' } }).catch((error: unknown) => {
    // The web's "Sign in instead" is no help here: say what a terminal user can do.
    if (error instanceof ConflictError) {
      throw new Error(`an account with ${input.email} already exists; nothing was changed. An admin can change its role under Admin → Users.`);
    }
    throw error;
  });
  console.log(`[user:create] created ${user.role === 'ADMIN' ? 'admin' : 'candidate'} ${user.email} (${user.id})`);
});
