// A signed-out visitor opening a question past the preview was redirected to a bare "Sign in to
// Rehearse" with no word of why. The redirect names a reason, which the sign-in page reads only
// from a fixed list and words itself, with a link to create a free account and come back.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { SignInReasonNote } from '@/components/auth/sign-in-reason-note';
import { signInPath } from '@/lib/sign-in-path';
import { signInReason } from '@/lib/sign-in-reason';

it('carries the reason in the sign-in address, and leaves other sign-in links as they were', () => {
  expect(signInPath('/questions/python-canary-verdict', 'locked-question')).toBe('/sign-in?callbackUrl=%2Fquestions%2Fpython-canary-verdict&reason=locked-question');
  expect(signInPath('/search?q=x')).toBe('/sign-in?callbackUrl=%2Fsearch%3Fq%3Dx');
});

it('reads only a known reason', () => {
  expect(signInReason('locked-question')).toBe('locked-question');
  for (const value of [undefined, '', 'Locked-question', 'You have been hacked', ['locked-question']]) expect(signInReason(value)).toBeNull();
});

it('says the question is for members and links to a free account that returns to it', () => {
  const html = renderToStaticMarkup(createElement(SignInReasonNote, { reason: 'locked-question', callbackUrl: '/questions/python-canary-verdict' }));
  expect(html).toContain('This question is for members.');
  expect(html).toContain('href="/sign-up?callbackUrl=%2Fquestions%2Fpython-canary-verdict"');
  expect(html).toContain('create a free account');
});
