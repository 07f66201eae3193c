// `npm run user:create -- --email E (--password P | --password-stdin) [--name N] [--role admin|candidate]`
// Creates an account from the terminal; the only way to make the first admin. `--password-stdin`
// reads the password from standard input (typed without echo at a terminal, or piped in), so it
// stays out of the shell's history and the process list.
import { z } from 'zod';
import { parseCli } from './lib/parse-cli';
import { readSecretLine } from './lib/read-secret-line';
import { runWithDatabase } from './lib/run-with-database';

const ArgsSchema = z.object({
  email: z.string({ error: '--email is required' }),
  password: z.string(),
  name: z.string().optional(),
  role: z.enum(['admin', 'candidate'], { error: '--role is "admin" or "candidate"' }).default('candidate'),
});

const USAGE = 'usage: npm run user:create -- --email E (--password P | --password-stdin) [--name N] [--role admin|candidate]';
const { values } = parseCli({
  name: 'user:create',
  usage: USAGE,
  options: { email: { type: 'string' }, password: { type: 'string' }, 'password-stdin': { type: 'boolean' }, name: { type: 'string' }, role: { type: 'string' } },
});
const refuse = (problems: string[]): never => {
  console.error(problems.map((problem) => `[user:create] ${problem}`).join('\n'));
  console.error(USAGE);
  process.exit(2);
};
const { 'password-stdin': fromStdin, ...given } = values;
if (fromStdin && given.password !== undefined) refuse(['give the password once: --password or --password-stdin, not both']);
if (!fromStdin && given.password === undefined) refuse(['--password (or --password-stdin) is required']);
// A password that itself ends in spaces keeps them.
const password = fromStdin ? await readSecretLine('Password for the new account: ') : given.password;
const args = ArgsSchema.safeParse({ ...given, password });
const input = args.success ? args.data : refuse(args.error.issues.map((i) => i.message));

await runWithDatabase('user:create', async () => {
  const { createUser } = await import('../src/server/users/create-user');
  const { ConflictError } = await import('../src/server/errors');
  const { role, ...account } = input;
  const user = await createUser({ input: { ...account, role: role === 'admin' ? 'ADMIN' : 'CANDIDATE' } }).catch((error: unknown) => {
    // The web's "Sign in instead" is no help here: say what a terminal user can do.
    if (error instanceof ConflictError) {
      throw new Error(`an account with ${account.email} already exists; nothing was changed. An admin can change its role under Admin → Users.`);
    }
    throw error;
  });
  console.log(`[user:create] created ${user.role === 'ADMIN' ? 'admin' : 'candidate'} ${user.email} (${user.id})`);
});
