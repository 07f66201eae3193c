// An email breaks where a reader expects: before the @ and the dots, after - _ +, and its pieces
// join back into the email.
import { describe, expect, it } from 'vitest';
import { emailLineBreaks } from '@/lib/email-line-breaks';

describe('emailLineBreaks', () => {
  it('breaks before the @ and each dot', () => {
    expect(emailLineBreaks('ada.lovelace@mail.example.com')).toEqual(['ada', '.lovelace', '@mail', '.example', '.com']);
  });

  it('breaks after a hyphen, underscore or plus', () => {
    expect(emailLineBreaks('e2e-admin_1+tag@example.test')).toEqual(['e2e-', 'admin_', '1+', 'tag', '@example', '.test']);
  });

  it('keeps every character, in order', () => {
    for (const email of ['a@b', 'x..y@z', '-.@.-', 'plain']) expect(emailLineBreaks(email).join('')).toBe(email);
  });
});
