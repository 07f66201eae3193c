// The member copy of a cached question page goes only to requests whose session cookie decrypts
// to a live session issued with this server's secret (src/server/cache/member-token.ts).
import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMemberToken } from '@/server/cache/member-token';

const SECRET = 'member-token-test-secret-0123456789';
let saved: string | undefined;

beforeEach(() => {
  saved = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = SECRET;
});
afterEach(() => {
  if (saved === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved;
});

describe('isMemberToken', () => {
  it('accepts a live token issued with the secret', async () => {
    const token = await encode({ token: { uid: 'user-1', sv: 0 }, secret: SECRET, maxAge: 600 });
    expect(await isMemberToken(token)).toBe(true);
    // Remembered until it expires, then refused without decrypting again.
    expect(await isMemberToken(token, Date.now() + 601_000)).toBe(false);
  });

  it('refuses a token from another secret, an expired one, one without a user, and junk', async () => {
    const foreign = await encode({ token: { uid: 'user-1' }, secret: 'another-secret-entirely-0123456789', maxAge: 600 });
    const expired = await encode({ token: { uid: 'user-1' }, secret: SECRET, maxAge: -60 });
    const anonymous = await encode({ token: { sub: 'x' }, secret: SECRET, maxAge: 600 });
    for (const token of [foreign, expired, anonymous, 'not-a-jwe', '']) expect(await isMemberToken(token)).toBe(false);
  });

  it('refuses everything when the server has no secret', async () => {
    const token = await encode({ token: { uid: 'user-2' }, secret: SECRET, maxAge: 600 });
    delete process.env.AUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    expect(await isMemberToken(token)).toBe(false);
  });
});
