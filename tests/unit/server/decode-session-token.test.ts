// Session tokens are decrypted once and remembered (src/server/users/decode-session-token.ts);
// what is remembered must never outlive the token or answer for another secret.
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken } from '@/server/users/decode-session-token';

const SECRET = 'decode-session-token-test-secret-0123';

describe('decodeSessionToken', () => {
  it('returns the user, session version and expiry of a live token, the same on a second read', async () => {
    const token = await encode({ token: { uid: 'user-1', sv: 3 }, secret: SECRET, maxAge: 600 });
    const first = await decodeSessionToken(token, SECRET);
    expect(first).toMatchObject({ uid: 'user-1', sv: 3 });
    expect(first!.expiresAt).toBeGreaterThan(Date.now() + 590_000);
    expect(await decodeSessionToken(token, SECRET)).toEqual(first);
  });

  it('treats a missing session version as 0, as tokens from before versions did', async () => {
    const token = await encode({ token: { uid: 'user-2' }, secret: SECRET, maxAge: 600 });
    expect((await decodeSessionToken(token, SECRET))?.sv).toBe(0);
  });

  it('refuses a remembered token once it has expired', async () => {
    const token = await encode({ token: { uid: 'user-3' }, secret: SECRET, maxAge: 600 });
    expect(await decodeSessionToken(token, SECRET)).not.toBeNull();
    expect(await decodeSessionToken(token, SECRET, Date.now() + 601_000)).toBeNull();
  });

  it('does not answer for another secret with what it remembered for this one', async () => {
    const token = await encode({ token: { uid: 'user-4' }, secret: SECRET, maxAge: 600 });
    expect(await decodeSessionToken(token, SECRET)).not.toBeNull();
    expect(await decodeSessionToken(token, 'another-secret-entirely-0123456789')).toBeNull();
    expect(await decodeSessionToken(token, undefined)).toBeNull();
  });

  it('refuses junk, an oversized token and a token without a user', async () => {
    const anonymous = await encode({ token: { sub: 'x' }, secret: SECRET, maxAge: 600 });
    for (const token of ['not-a-jwe', '', 'a'.repeat(20_000), anonymous]) expect(await decodeSessionToken(token, SECRET)).toBeNull();
  });
});
