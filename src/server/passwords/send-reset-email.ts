// Sends the reset link by email through SMTP_URL (nodemailer). The link starts with APP_URL (or
// the local address when it is unset), never with anything from the request.
import nodemailer from 'nodemailer';
import { env } from '@/server/env';
import { EMAILED_LINK_MINUTES, resetPath } from './reset-token';

export async function sendResetEmail({ to, token }: { to: string; token: string }): Promise<void> {
  if (!env.SMTP_URL) return;
  const base = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const link = new URL(resetPath(token), base).toString();
  const transport = nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({
    from: env.MAIL_FROM,
    to,
    subject: 'Reset your Rehearse password',
    text: [
      'Someone (hopefully you) asked to reset the password of your Rehearse account.',
      '',
      `Choose a new password here (the link works once, for ${EMAILED_LINK_MINUTES} minutes):`,
      link,
      '',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  });
}
