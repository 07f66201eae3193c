// Password recovery against a real Postgres and a real SMTP server (smtp-server, started here):
// changing a password needs the old one and ends other sessions; admin-issued and emailed reset
// links are random, stored hashed, single-use and expire; "Forgot password?" answers the same for
// unknown emails, and is throttled per email and per client address.
import type { AddressInfo } from 'node:net';
import { readMail } from './read-mail';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { prisma } from '@/server/db';
import { BadRequestError, TooManyRequestsError } from '@/server/errors';
import { changePassword } from '@/server/passwords/change-password';
import { issueResetLink } from '@/server/passwords/issue-reset-link';
import { hashResetToken } from '@/server/passwords/reset-token';
import { resetPassword } from '@/server/passwords/reset-password';
import { createUser } from '@/server/users/create-user';
import { verifyCredentials } from '@/server/users/verify-credentials';
import { resetDatabase } from '../../support/reset-database';

type Mail = { to: string; text: string };
const inbox: Mail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: readMail(raw) });
      callback();
    });
  },
});

let requestPasswordReset: typeof import('@/server/passwords/request-password-reset').requestPasswordReset;
let passwordResetRoute: typeof import('@/app/api/password-reset/route').POST;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  // The env module parses these once, on first import; other imports above may already have
  // loaded it, so load a fresh copy of the verb (and its env) after setting them.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = 'https://rehearse.example.test';
  process.env.MAIL_FROM = 'Rehearse <no-reply@rehearse.example.test>';
  vi.resetModules();
  ({ requestPasswordReset } = await import('@/server/passwords/request-password-reset'));
  ({ POST: passwordResetRoute } = await import('@/app/api/password-reset/route'));
});
afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));

let user: { id: string; email: string };
beforeEach(async () => {
  await resetDatabase();
  inbox.length = 0;
  user = await createUser({ input: { email: 'ada@example.com', password: 'old-password' } });
});

const signsIn = async (password: string) => (await verifyCredentials({ input: { email: 'ada@example.com', password }, address: '127.0.0.1' })) !== null;
const sessionVersion = async () => (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).sessionVersion;
const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token')!;

async function waitForMail(count: number): Promise<Mail[]> {
  for (let i = 0; i < 100 && inbox.length < count; i++) await new Promise((r) => setTimeout(r, 50));
  return inbox;
}

describe('changing a password', () => {
  it('needs the current password, then ends every session', async () => {
    const error = await changePassword({ actor: user, input: { currentPassword: 'wrong-password', newPassword: 'new-password' }, address: '127.0.0.1' }).catch((e: unknown) => e);
    expect((error as ZodError).issues[0]).toMatchObject({ path: ['currentPassword'], message: 'That is not your current password.' });
    expect(await sessionVersion()).toBe(0);

    await changePassword({ actor: user, input: { currentPassword: 'old-password', newPassword: 'new-password' }, address: '127.0.0.1' });
    expect(await sessionVersion()).toBe(1);
    expect(await signsIn('old-password')).toBe(false);
    expect(await signsIn('new-password')).toBe(true);
  });

  // Whoever holds a signed-in session (a stolen cookie, an unlocked shared machine) could guess the
  // current password as fast as hashing allowed, around the sign-in lockout.
  it('throttles wrong current passwords with the sign-in counters, then refuses even the right one for a while', async () => {
    const attempt = (currentPassword: string) =>
      changePassword({ actor: user, input: { currentPassword, newPassword: 'new-password' }, address: '10.0.0.7' }).catch((e: unknown) => e);
    for (let i = 0; i < 5; i++) expect(await attempt(`guess-${i}`)).toBeInstanceOf(ZodError);
    const throttled = await attempt('guess-5');
    expect(throttled).toBeInstanceOf(TooManyRequestsError);
    expect((throttled as TooManyRequestsError).message).toMatch(/^Too many wrong passwords\. Try again in \d+ seconds\.$/);
    expect(await attempt('old-password')).toBeInstanceOf(TooManyRequestsError);
    expect(await sessionVersion()).toBe(0);
    // The same counters as sign-in: the guesser's address cannot sign in to the account either.
    await expect(verifyCredentials({ input: { email: 'ada@example.com', password: 'old-password' }, address: '10.0.0.7' })).rejects.toBeInstanceOf(TooManyRequestsError);
    // Another address (the owner elsewhere) is not held back.
    expect(await signsIn('old-password')).toBe(true);
  });

  it('refuses a "new" password that is the current one, ending no session', async () => {
    const error = await changePassword({ actor: user, input: { currentPassword: 'old-password', newPassword: 'old-password' }, address: '127.0.0.1' }).catch((e: unknown) => e);
    expect((error as ZodError).issues[0]).toMatchObject({ path: ['newPassword'], message: 'Choose a new password that differs from your current one.' });
    expect(await sessionVersion()).toBe(0);
  });
});

describe('admin-issued reset links', () => {
  it('stores only the hash, works once, and replaces earlier links', async () => {
    const admin = await createUser({ input: { email: 'admin@example.com', password: 'admin-password', role: 'ADMIN' } });
    const first = await issueResetLink({ actor: admin, input: { userId: user.id } });
    const second = await issueResetLink({ actor: admin, input: { userId: user.id } });
    const rows = await prisma.passwordResetToken.findMany({ select: { tokenHash: true } });
    expect(rows.map((r) => r.tokenHash).sort()).toEqual([hashResetToken(tokenOf(first.path)), hashResetToken(tokenOf(second.path))].sort());
    expect(JSON.stringify(await prisma.auditLog.findMany({ select: { details: true } }))).not.toContain(tokenOf(second.path));

    await expect(resetPassword({ input: { token: tokenOf(first.path), password: 'first-link-pw' } })).rejects.toBeInstanceOf(BadRequestError);
    expect(await resetPassword({ input: { token: tokenOf(second.path), password: 'brand-new-pw' } })).toEqual({ email: 'ada@example.com' });
    expect(await signsIn('brand-new-pw')).toBe(true);
    expect(await sessionVersion()).toBe(1);
    const again = await resetPassword({ input: { token: tokenOf(second.path), password: 'another-pw-1' } }).catch((e: unknown) => e);
    expect((again as BadRequestError).message).toBe('This reset link is invalid, was already used or has expired. Ask for a new one.');
  });

  it('refuses an expired link', async () => {
    const admin = await createUser({ input: { email: 'admin@example.com', password: 'admin-password', role: 'ADMIN' } });
    const { path } = await issueResetLink({ actor: admin, input: { userId: user.id } });
    await prisma.passwordResetToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ input: { token: tokenOf(path), password: 'brand-new-pw' } })).rejects.toBeInstanceOf(BadRequestError);
    expect(await signsIn('old-password')).toBe(true);
  });
});

describe('"Forgot password?" by email', () => {
  it('emails a 30-minute link built on APP_URL, which resets the password once', async () => {
    await requestPasswordReset({ input: { email: 'ADA@example.com' } });
    const [mail] = await waitForMail(1);
    expect(mail!.to).toBe('ada@example.com');
    const link = mail!.text.match(/https:\/\/rehearse\.example\.test\/reset-password\?token=[A-Za-z0-9_-]{43}/)?.[0];
    expect(link).toBeDefined();
    expect(mail!.text).toContain('30 minutes');
    const row = await prisma.passwordResetToken.findFirstOrThrow({ select: { expiresAt: true, createdAt: true } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);

    await resetPassword({ input: { token: tokenOf(link!), password: 'emailed-new-pw' } });
    expect(await signsIn('emailed-new-pw')).toBe(true);
  });

  it('answers the same for an unknown email, sends nothing, and throttles per email', async () => {
    await requestPasswordReset({ input: { email: 'nobody@example.com' } });
    await requestPasswordReset({ input: { email: 'nobody@example.com' } });
    await requestPasswordReset({ input: { email: 'nobody@example.com' } });
    // The verb is a fresh module copy (see beforeAll), so its error classes are too: match the shape.
    await expect(requestPasswordReset({ input: { email: 'nobody@example.com' } })).rejects.toMatchObject({ name: TooManyRequestsError.name, status: 429 });
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox).toEqual([]);
    expect(await prisma.passwordResetToken.count()).toBe(0);
  });

  it('throttles per client address, which a client cannot change by writing X-Forwarded-For', async () => {
    // As scripts/serve.ts sends every request on: the socket's address in its own header.
    const ask = (n: number) =>
      passwordResetRoute(
        new Request('http://localhost:3000/api/password-reset', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-rehearse-socket-address': '203.0.113.9', 'x-forwarded-for': `198.51.100.${n}`, 'x-real-ip': `198.51.100.${n}` },
          body: JSON.stringify({ email: `someone-${n}@example.com` }),
        }),
        { params: Promise.resolve({}) } as never,
      );
    for (let n = 1; n <= 20; n++) expect((await ask(n)).status, `request ${n}`).toBe(202);
    const refused = await ask(21);
    expect(refused.status).toBe(429);
    expect(await prisma.passwordResetToken.count()).toBe(0);
  });
});
