import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from '@/lib/sign-in-error-message';

describe('signInErrorMessage', () => {
  it('explains the codes next-auth sends back to the sign-in page', () => {
    expect(signInErrorMessage('AccessDenied')).toMatch(/disabled/);
    expect(signInErrorMessage('CredentialsSignin')).toBe('Wrong email or password.');
    expect(signInErrorMessage('OAuthCallback')).toMatch(/provider did not work/);
    expect(signInErrorMessage('Default')).toMatch(/did not work/);
  });

  it('says nothing for a missing, unknown or crafted code, and never echoes it', () => {
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage(['AccessDenied'])).toBeNull();
    expect(signInErrorMessage('Your account is locked, call 555-0100')).toBeNull();
    expect(signInErrorMessage('toString')).toBeNull();
    expect(signInErrorMessage('__proto__')).toBeNull();
  });
});
