// The submit hint names the keys the candidate's keyboard has: Cmd on Apple systems (the form and
// the editor take Meta+Enter there), Ctrl elsewhere; "Ctrl+Enter (⌘+Enter on a Mac)" was both.
import { expect, it } from 'vitest';
import { submitShortcutFor } from '@/lib/submit-shortcut';

const MAC_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36';

it('says Cmd on macOS and iPadOS, however the browser names the system', () => {
  expect(submitShortcutFor({ userAgentData: { platform: 'macOS' }, platform: 'MacIntel', userAgent: MAC_UA })).toBe('Cmd+Enter');
  expect(submitShortcutFor({ platform: 'MacIntel', userAgent: MAC_UA })).toBe('Cmd+Enter');
  expect(submitShortcutFor({ platform: 'iPad', userAgent: '' })).toBe('Cmd+Enter');
  expect(submitShortcutFor({ userAgent: MAC_UA })).toBe('Cmd+Enter');
});

it('says Ctrl on Windows, Linux, ChromeOS and Android (AppleWebKit is not an Apple system)', () => {
  expect(submitShortcutFor({ userAgentData: { platform: 'Windows' }, platform: 'Win32', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' })).toBe('Ctrl+Enter');
  expect(submitShortcutFor({ platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' })).toBe('Ctrl+Enter');
  expect(submitShortcutFor({ userAgentData: { platform: 'Chrome OS' }, platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)' })).toBe('Ctrl+Enter');
  expect(submitShortcutFor({ userAgentData: { platform: 'Android' }, platform: 'Linux armv81', userAgent: ANDROID_UA })).toBe('Ctrl+Enter');
  expect(submitShortcutFor(undefined)).toBe('Ctrl+Enter');
});
