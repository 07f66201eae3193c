// The session cookie is recognised in one place (src/server/users/session-cookie.ts): by its
// plain and __Secure- names and its chunks, for the cache decisions and the member copy.
import { describe, expect, it } from 'vitest';
import { cookieHeaderHasSession, isSessionCookieName, sessionTokenFromCookies } from '@/server/users/session-cookie';

describe('sessionTokenFromCookies', () => {
  it('reads the whole cookie, the secure one, or the chunks joined in order', () => {
    expect(sessionTokenFromCookies('theme=dark; next-auth.session-token=abc.def; x=1')).toBe('abc.def');
    expect(sessionTokenFromCookies('__Secure-next-auth.session-token=sec')).toBe('sec');
    expect(sessionTokenFromCookies('next-auth.session-token.1=world; next-auth.session-token.0=hello-')).toBe('hello-world');
  });

  it('finds nothing in other cookies, empty values or an oversized token', () => {
    expect(sessionTokenFromCookies(undefined)).toBeNull();
    expect(sessionTokenFromCookies('next-auth.csrf-token=abc; other=1')).toBeNull();
    expect(sessionTokenFromCookies('next-auth.session-token=')).toBeNull();
    expect(sessionTokenFromCookies(`next-auth.session-token=${'a'.repeat(20_000)}`)).toBeNull();
  });
});

describe('cookieHeaderHasSession and isSessionCookieName', () => {
  it('see a session cookie by any of its names, whatever its value', () => {
    for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token', 'next-auth.session-token.0']) expect(isSessionCookieName(name)).toBe(true);
    expect(cookieHeaderHasSession('a=1; next-auth.session-token=')).toBe(true);
    expect(cookieHeaderHasSession('__Secure-next-auth.session-token.1=x')).toBe(true);
  });

  it('see none in other cookies, look-alike names or no header', () => {
    for (const name of ['next-auth.csrf-token', 'xnext-auth.session-token', 'next-auth.session-token.x', '__Host-next-auth.session-token']) expect(isSessionCookieName(name)).toBe(false);
    expect(cookieHeaderHasSession('next-auth.callback-url=/; theme=dark')).toBe(false);
    expect(cookieHeaderHasSession(null)).toBe(false);
    expect(cookieHeaderHasSession(undefined)).toBe(false);
  });
});
