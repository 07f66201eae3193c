// zod's own messages, where a schema gives none, in words a person reads; a schema's message wins.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '@/lib/field-errors';
import '@/lib/text-field';

const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? null : fieldErrors(result.error);
};

describe('zod messages', () => {
  it('say what a field needs, in words', () => {
    const schema = z.object({ name: z.string().min(3).max(5), tags: z.array(z.string()).min(1), count: z.number().max(9), email: z.email(), kind: z.enum(['A', 'B', 'C']), on: z.boolean() });
    expect(messages(schema, { name: '', tags: [], count: 10, email: 'no', kind: 'd', on: 'yes' })).toEqual({
      name: 'Use at least 3 characters.',
      tags: 'List at least 1 item.',
      count: 'This must be at most 9.',
      email: 'Enter an email address, e.g. name@example.com.',
      kind: 'Choose A, B or C ("d" is not one of them).',
      on: 'This must be true or false, not text.',
    });
    expect(messages(schema, {})).toMatchObject({ name: 'This is required.' });
  });

  it('ask for a JSON object, and to remove what is not taken', () => {
    expect(messages(z.object({ a: z.string() }), null)).toEqual({ _: 'The request must be a JSON object, not null.' });
    expect(messages(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })).toEqual({ _: '"b" and "c" are not things this request takes; remove them.' });
  });

  it('say a missing value of a union (any JSON value) is required, not "Invalid input"', () => {
    // An admin's hidden case saved without its expected value (found in a review of the harness editor).
    const json = z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);
    expect(messages(z.object({ expected: json }), {})).toEqual({ expected: 'This is required.' });
  });

  it('leave a schema’s own message alone', () => {
    expect(messages(z.object({ a: z.string({ error: 'Write a.' }) }), {})).toEqual({ a: 'Write a.' });
  });
});
