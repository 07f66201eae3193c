// Which link clicks leave the question page inside the app (and so must ask first while edits are
// unsaved): not a new tab, a download, another site or a jump within the page.
import { describe, expect, it } from 'vitest';
import { isLeavingLink, type LinkClick } from '@/components/admin/leaving-link';

const here = 'http://127.0.0.1:3000/admin/questions/abc?tab=1';
const click = (over: Partial<LinkClick>): LinkClick => ({ href: '/admin/questions', target: null, hasDownload: false, button: 0, hasModifier: false, ...over });

describe('leaving links', () => {
  it('a plain click on another page of the app leaves', () => {
    expect(isLeavingLink(click({}), here)).toBe(true);
    expect(isLeavingLink(click({ href: '?tab=2' }), here)).toBe(true);
    expect(isLeavingLink(click({ href: 'http://127.0.0.1:3000/', target: '_self' }), here)).toBe(true);
  });

  it('a new tab, a modified or middle click, a download or a jump within the page stays', () => {
    expect(isLeavingLink(click({ target: '_blank' }), here)).toBe(false);
    expect(isLeavingLink(click({ hasModifier: true }), here)).toBe(false);
    expect(isLeavingLink(click({ button: 1 }), here)).toBe(false);
    expect(isLeavingLink(click({ hasDownload: true }), here)).toBe(false);
    expect(isLeavingLink(click({ href: '#versions-heading' }), here)).toBe(false);
    expect(isLeavingLink(click({ href: null }), here)).toBe(false);
  });

  it('another site is left to the browser’s own prompt', () => {
    expect(isLeavingLink(click({ href: 'https://example.com/' }), here)).toBe(false);
  });
});
