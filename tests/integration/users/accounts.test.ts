import { beforeEach, describe, expect, it } from 'vitest';
import { POST as register } from '@/app/api/auth/register/route';
import { prisma } from '@/server/db';
import { ForbiddenError, TooManyRequestsError } from '@/server/errors';
import { createUser } from '@/server/users/create-user';
import { recordFailedSignIn, signInThrottleKeys } from '@/server/users/login-throttle';
import { DISABLED_ACCOUNT, verifyCredentials } from '@/server/users/verify-credentials';
import { resetDatabase } from '../../support/reset-database';

beforeEach(resetDatabase);

const post = (body: unknown) =>
  register(
    new Request('http://localhost/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    undefined,
  );

describe('POST /api/auth/register', () => {
  it('creates a candidate with a lower-cased email and an argon2id hash, and answers 201 without the hash', async () => {
    const response = await post({ email: '  Ada@Example.COM ', password: 'correct horse battery', name: 'Ada' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.user).toEqual({ id: expect.any(String), email: 'ada@example.com', name: 'Ada' });
    expect(JSON.stringify(body)).not.toMatch(/argon|passwordHash/);
    const row = await prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' }, omit: { passwordHash: false } });
    expect(row.role).toBe('CANDIDATE');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse battery');
  });

  it('answers 409 for an email already taken, whatever its case', async () => {
    await post({ email: 'grace@example.com', password: 'password-one' });
    const response = await post({ email: 'GRACE@example.com', password: 'password-two' });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toBe('An account with this email already exists. Sign in instead.');
  });

  it('answers 400 with a message per field for bad input', async () => {
    const response = await post({ email: 'not-an-email', password: 'short' });
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
      password: 'Use at least 8 characters.',
    });
    const long = await post({ email: 'a@example.com', password: 'x'.repeat(129) });
    expect((await long.json()).fields).toEqual({ password: 'Use at most 128 characters.' });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await post('{"email":');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('The request body must be valid JSON.');
  });

  it('accepts passwords longer than 72 bytes and tells them apart (no bcrypt truncation)', async () => {
    const base = 'é'.repeat(40);
    await createUser({ input: { email: 'long@example.com', password: `${base}-one` } });
    expect(await verifyCredentials({ input: { email: 'long@example.com', password: `${base}-one` }, address: '192.0.2.10' })).not.toBeNull();
    expect(await verifyCredentials({ input: { email: 'long@example.com', password: `${base}-two` }, address: '192.0.2.10' })).toBeNull();
  });
});

// The address every sign-in in this file comes from, unless a test says otherwise.
const HERE = '192.0.2.10';

describe('verifyCredentials', () => {
  beforeEach(async () => {
    await createUser({ input: { email: 'lin@example.com', password: 'the-right-password' } });
  });

  it('signs in with any case of the email and never returns the hash', async () => {
    const user = await verifyCredentials({ input: { email: 'LIN@example.com', password: 'the-right-password' }, address: HERE });
    expect(user).toEqual({ id: expect.any(String), email: 'lin@example.com', name: null, role: 'CANDIDATE' });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    expect(await verifyCredentials({ input: { email: 'lin@example.com', password: 'wrong-password' }, address: HERE })).toBeNull();
    expect(await verifyCredentials({ input: { email: 'nobody@example.com', password: 'wrong-password' }, address: HERE })).toBeNull();
  });

  it('tells a disabled account given its right password that it is disabled, without counting a failure', async () => {
    await prisma.user.update({ where: { email: 'lin@example.com' }, data: { disabledAt: new Date() } });
    for (let i = 0; i < 6; i++) {
      const error = await verifyCredentials({ input: { email: 'lin@example.com', password: 'the-right-password' }, address: HERE }).catch((e) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe(DISABLED_ACCOUNT);
    }
    expect(await prisma.loginThrottle.count()).toBe(0);
    // A wrong password learns nothing more than for any account, and counts.
    expect(await verifyCredentials({ input: { email: 'lin@example.com', password: 'wrong-password' }, address: HERE })).toBeNull();
    expect((await prisma.loginThrottle.findUniqueOrThrow({ where: { key: 'email:lin@example.com' } })).failures).toBe(1);
  });

  it('throttles an email from one address after five failures, with a wait in seconds, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await verifyCredentials({ input: { email: 'lin@example.com', password: `wrong-${i}` }, address: HERE })).toBeNull();
    }
    const error = await verifyCredentials({ input: { email: 'lin@example.com', password: 'the-right-password' }, address: HERE }).catch((e) => e);
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/^Too many failed sign-ins\. Try again in (2\d|30) seconds\.$/);
    // Another account is not affected by this email's throttle.
    await createUser({ input: { email: 'max@example.com', password: 'max-password' } });
    expect(await verifyCredentials({ input: { email: 'max@example.com', password: 'max-password' }, address: HERE })).not.toBeNull();
  });

  it('throttles an address that tries many emails', async () => {
    for (let i = 0; i < 20; i++) {
      await verifyCredentials({ input: { email: `guess-${i}@example.com`, password: 'nope-nope' }, address: '203.0.113.9' });
    }
    await expect(
      verifyCredentials({ input: { email: 'lin@example.com', password: 'the-right-password' }, address: '203.0.113.9' }),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(await verifyCredentials({ input: { email: 'lin@example.com', password: 'the-right-password' }, address: '198.51.100.1' })).not.toBeNull();
  });

  it('counts concurrent failures without losing any', async () => {
    // Five at once: the (email, address) counter blocks only once the fifth is counted, so every
    // one of them is past the throttle check, however the host schedules them (with more, a slow
    // host lets a late one meet the block, which rightly counts nothing).
    await Promise.all(Array.from({ length: 5 }, (_, i) => verifyCredentials({ input: { email: 'lin@example.com', password: `bad-${i}` }, address: HERE }).catch(() => null)));
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: 'email:lin@example.com' } });
    expect(row.failures).toBe(5);
    // The counting itself, many at once: one statement per key, no lost update.
    await Promise.all(Array.from({ length: 16 }, () => recordFailedSignIn(signInThrottleKeys('kim@example.com', HERE))));
    const counted = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: 'email:kim@example.com' } });
    expect(counted.failures).toBe(16);
  });
});
