// "Forgot password?": when the email belongs to an enabled account, emails it a reset link. The
// answer is the same whether or not the account exists, and so is the time it takes (the email
// is sent after the answer). Requests are throttled per email and per client address, counted
// whether or not the account exists.
import { prisma, type Db, type DbClient } from '@/server/db';
import { env } from '@/server/env';
import { BadRequestError, TooManyRequestsError } from '@/server/errors';
import { inTransaction } from '@/server/curation/in-transaction';
import { createResetToken } from './create-reset-token';
import { EMAILED_LINK_MINUTES } from './reset-token';
import { ForgotPasswordSchema } from './schemas';
import { sendResetEmail } from './send-reset-email';

const WINDOW_MS = 15 * 60_000;
const LIMITS = { email: 3, address: 20 } as const;

export async function requestPasswordReset(
  { input, address }: { input: unknown; address?: string },
  db: Db | DbClient = prisma,
  send: typeof sendResetEmail = sendResetEmail,
): Promise<void> {
  if (!env.SMTP_URL) throw new BadRequestError('Password reset by email is not set up here. Ask an admin for a reset link.');
  const { email } = ForgotPasswordSchema.parse(input);
  const keys = [`email:${email}`, ...(address ? [`address:${address}`] : [])];
  const since = new Date(Date.now() - WINDOW_MS);
  const token = await inTransaction(db, async (tx) => {
    for (const key of keys) {
      const kind = key.startsWith('email:') ? 'email' : 'address';
      if ((await tx.passwordResetRequest.count({ where: { key, createdAt: { gt: since } } })) >= LIMITS[kind]) {
        throw new TooManyRequestsError('Too many reset requests. Try again in 15 minutes.', WINDOW_MS / 1000);
      }
    }
    await tx.passwordResetRequest.createMany({ data: keys.map((key) => ({ key })) });
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
    if (!user || user.disabledAt) return null;
    return createResetToken({ userId: user.id, expiresAt: new Date(Date.now() + EMAILED_LINK_MINUTES * 60_000) }, tx);
  });
  if (token) {
    // Not awaited: the answer must not take longer for an existing account.
    void send({ to: email, token }).catch((error: unknown) => console.warn('Could not send a password-reset email:', (error as Error).message));
  }
}
