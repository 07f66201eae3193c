// Sign-in throttling that a stranger cannot steer: the address is the socket's (X-Forwarded-For is
// ignored unless TRUSTED_PROXY_HOPS says a proxy wrote it), so rotating or spoofing that header
// neither escapes the limit nor locks someone else out, and a stranger's wrong passwords for an
// email do not lock its owner out. Runs through next-auth's real authorize().
import { beforeEach, describe, expect, it } from 'vitest';
import { authOptions } from '@/server/auth';
import { SOCKET_ADDRESS_HEADER } from '@/server/client-address';
import { prisma } from '@/server/db';
import { TooManyRequestsError } from '@/server/errors';
import { createUser } from '@/server/users/create-user';
import { clearFailedSignInsForEmail, recordFailedSignIn, signInThrottleKeys } from '@/server/users/login-throttle';
import { resetDatabase } from '../../support/reset-database';

const OWNER = '198.51.100.1';
const STRANGER = '203.0.113.66';

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
const provider = authOptions.providers.find((p) => p.id === 'credentials') as unknown as { options: { authorize: Authorize } };

// As next-auth calls it: the request's headers as a plain record.
function signIn(password: string, socket: string, extraHeaders: Record<string, string> = {}, email = 'lin@example.com'): Promise<TooManyRequestsError | { email: string } | null> {
  return provider.options.authorize({ email, password }, { headers: { [SOCKET_ADDRESS_HEADER]: socket, ...extraHeaders } }).then((user) => user as { email: string } | null, (e: TooManyRequestsError) => e);
}

beforeEach(async () => {
  await resetDatabase();
  await createUser({ input: { email: 'lin@example.com', password: 'the-right-password' } });
});

describe('sign-in throttling', () => {
  it("does not lock the owner out after a stranger's failures", async () => {
    for (let i = 0; i < 15; i++) await signIn(`wrong-${i}`, STRANGER);
    // The stranger is held back…
    expect(await signIn('the-right-password', STRANGER)).toBeInstanceOf(TooManyRequestsError);
    // …the owner, from their own address, is not.
    expect(await signIn('the-right-password', OWNER)).toMatchObject({ email: 'lin@example.com' });
  });

  it('cannot be escaped by rotating X-Forwarded-For', async () => {
    for (let i = 0; i < 5; i++) await signIn(`wrong-${i}`, STRANGER, { 'x-forwarded-for': `10.0.0.${i}` });
    const error = await signIn('guess-again', STRANGER, { 'x-forwarded-for': '10.9.9.9' });
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).message).toMatch(/^Too many failed sign-ins\. Try again in \d+ seconds\.$/);
  });

  it("cannot lock someone else's address by spoofing X-Forwarded-For", async () => {
    for (let i = 0; i < 25; i++) {
      await signIn(`wrong-${i}`, STRANGER, { 'x-forwarded-for': OWNER, 'x-real-ip': OWNER }, `guess-${i}@example.com`);
    }
    expect(await signIn('the-right-password', OWNER)).toMatchObject({ email: 'lin@example.com' });
    expect(await prisma.loginThrottle.count({ where: { key: { contains: OWNER } } })).toBe(0);
  });

  it('throttles an address that tries many emails', async () => {
    for (let i = 0; i < 20; i++) await signIn('nope-nope', STRANGER, {}, `guess-${i}@example.com`);
    expect(await signIn('the-right-password', STRANGER)).toBeInstanceOf(TooManyRequestsError);
    expect(await signIn('the-right-password', OWNER)).toMatchObject({ email: 'lin@example.com' });
  });

  it('blocks an email only after many failures from many addresses, and only briefly', async () => {
    for (let i = 0; i < 50; i++) await signIn(`wrong-${i}`, `192.0.2.${i}`);
    const error = await signIn('the-right-password', OWNER);
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("clears only the reset account's counters: an email's _ is not a wildcard", async () => {
    for (const email of ['a_b@example.com', 'aXb@example.com']) await recordFailedSignIn(signInThrottleKeys(email, STRANGER));
    await clearFailedSignInsForEmail('a_b@example.com');
    const keys = (await prisma.loginThrottle.findMany({ select: { key: true } })).map((k) => k.key);
    expect(keys.filter((k) => k.includes('a_b@'))).toEqual([]);
    expect(keys).toContain(`pair:aXb@example.com ${STRANGER}`);
  });
});
