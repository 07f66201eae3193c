import { describe, expect, it } from 'vitest';
import { PUBLIC_CACHE_CONTROL, publicPageCacheControl } from '@/server/cache/public-cache-control';

describe('publicPageCacheControl', () => {
  it('lets a shared cache keep anonymous views of the home, topic and question pages', () => {
    for (const path of ['/', '/topics/ops', '/questions/explain-canaries', '/roles', '/roles/sre', '/categories/operations']) {
      expect(publicPageCacheControl(path, ['theme'])).toBe(PUBLIC_CACHE_CONTROL);
    }
  });

  it('never marks a request with a session cookie (whole or chunked, secure or not) public', () => {
    for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token', 'next-auth.session-token.0']) {
      expect(publicPageCacheControl('/topics/ops', [name])).toBeNull();
    }
  });

  it('leaves every other page to Next.js (no-store)', () => {
    for (const path of ['/admin', '/account', '/progress', '/search', '/topics/ops/extra', '/sign-in']) {
      expect(publicPageCacheControl(path, [])).toBeNull();
    }
  });
});
