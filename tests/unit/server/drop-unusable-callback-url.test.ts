// An unparsable callbackUrl (a link's parameter or next-auth's callback-url cookie) made every
// /api/auth endpoint answer 500; the web server drops it before Next.js sees the request.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { dropUnusableCallbackUrl } from '@/server/web-server/drop-unusable-callback-url';

const requestOf = (url: string, cookie?: string) => ({ url, headers: cookie === undefined ? {} : { cookie } }) as unknown as IncomingMessage;

describe('dropUnusableCallbackUrl', () => {
  it('drops an unparsable callbackUrl parameter and keeps the rest of the query', () => {
    const request = requestOf('/api/auth/providers?a=1&callbackUrl=%5C%5Cevil.example&b=2');
    dropUnusableCallbackUrl(request);
    expect(request.url).toBe('/api/auth/providers?a=1&b=2');
    const alone = requestOf('/api/auth/signin?callbackUrl=%20//evil.example');
    dropUnusableCallbackUrl(alone);
    expect(alone.url).toBe('/api/auth/signin');
  });

  it('drops an unparsable callback-url cookie, secure or not, and keeps the other cookies', () => {
    const request = requestOf('/api/auth/session', 'a=1; next-auth.callback-url=%5C%5Cevil; __Secure-next-auth.callback-url=%20%2F%2Fx; b=2');
    dropUnusableCallbackUrl(request);
    expect(request.headers.cookie).toBe('a=1; b=2');
  });

  it('leaves usable values, and paths outside /api/auth, as they are', () => {
    const usable = requestOf('/api/auth/signin?callbackUrl=%2Fquestions', 'next-auth.callback-url=http%3A%2F%2F127.0.0.1%3A3000%2F');
    dropUnusableCallbackUrl(usable);
    expect(usable.url).toBe('/api/auth/signin?callbackUrl=%2Fquestions');
    expect(usable.headers.cookie).toBe('next-auth.callback-url=http%3A%2F%2F127.0.0.1%3A3000%2F');
    const elsewhere = requestOf('/sign-in?callbackUrl=%5C%5Cevil', 'next-auth.callback-url=%5C%5Cevil');
    dropUnusableCallbackUrl(elsewhere);
    expect(elsewhere.url).toBe('/sign-in?callbackUrl=%5C%5Cevil');
  });
});
