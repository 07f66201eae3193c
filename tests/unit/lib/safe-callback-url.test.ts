// Callback URLs: only same-origin paths survive; every trick that a browser would read as
// another host falls back to "/", and the result is always a valid (ASCII) Location header.
import { describe, expect, it } from 'vitest';
import { sameSiteRedirect, safeCallbackUrl } from '@/lib/safe-callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeCallbackUrl('/questions/rolling-deploys')).toBe('/questions/rolling-deploys');
    expect(safeCallbackUrl('/admin/questions?topic=ops&page=2#top')).toBe('/admin/questions?topic=ops&page=2#top');
    expect(safeCallbackUrl('/')).toBe('/');
  });

  it.each([
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['\\/evil.example'],
    ['/%2F/evil.example'],
    ['/%2f%2fevil.example'],
    ['/%5Cevil.example'],
    ['/.//evil.example'],
    ['/..//evil.example'],
    ['https://evil.example/'],
    ['http:evil.example'],
    ['javascript:alert(1)'],
    ['evil.example'],
    ['%2F%2Fevil.example'],
    [' /questions'],
    ['/\u0000x'],
    [''],
  ])('refuses %j', (value) => {
    expect(safeCallbackUrl(value)).toBe('/');
  });

  it('falls back for anything that is not a string', () => {
    expect(safeCallbackUrl(undefined)).toBe('/');
    expect(safeCallbackUrl(['/a', '/b'])).toBe('/');
    expect(safeCallbackUrl(42, '/home')).toBe('/home');
  });

  it('percent-encodes characters outside ASCII, so the Location header is always valid', () => {
    const result = safeCallbackUrl('/questions/déjà-vu?q=日本#ß');
    expect(result).toBe('/questions/d%C3%A9j%C3%A0-vu?q=%E6%97%A5%E6%9C%AC#%C3%9F');
    expect(result).toMatch(/^[\x21-\x7e]+$/);
  });
});

// next-auth's redirect callback (src/server/auth.ts): its default threw on a callbackUrl it could
// not parse, and every auth endpoint answered 500 while the callback-url cookie held one.
describe('sameSiteRedirect', () => {
  const base = 'http://127.0.0.1:3600';

  it.each([
    ['/questions/x?tab=1', `${base}/questions/x?tab=1`],
    [`${base}/practice`, `${base}/practice`],
    ['questions', `${base}/questions`],
  ])('keeps %j on this site', (url, expected) => {
    expect(sameSiteRedirect(url, base)).toBe(expected);
  });

  it.each([['\\\\evil.example'], [' //evil.example'], ['//evil.example'], ['https://evil.example/x'], ['http://[::1'], ['/%2fevil.example'], ['javascript:alert(1)']])(
    'sends %j to the root, without throwing',
    (url) => {
      expect(sameSiteRedirect(url, base)).toMatch(new RegExp(`^${base.replace(/[.]/g, '\\.')}/?$`));
    },
  );
});
