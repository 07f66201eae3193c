// Whole numbers in the address (?page=, ?wait=) are plain decimal digits: "0x10", "1e3" and the
// other spellings Number() reads are refused with a message that says to write digits, not taken
// as page 16 or page 1000.
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { AttemptWaitQuerySchema } from '@/server/attempts/schemas';
import { AuditLogQuerySchema } from '@/server/audit/schemas';
import { QuestionFiltersSchema } from '@/server/curation/schemas';
import { ListQuestionsQuerySchema } from '@/server/questions/schemas';
import { SearchQuerySchema } from '@/server/search/schemas';
import { UserFiltersSchema } from '@/server/users/account-admin-schemas';

const pages: [string, ZodType, Record<string, string>][] = [
  ['GET /api/questions', ListQuestionsQuerySchema, { topic: 'ops' }],
  ['/search', SearchQuerySchema, {}],
  ['GET /api/admin/users', UserFiltersSchema, {}],
  ['/admin/audit', AuditLogQuerySchema, {}],
  ['/admin/questions', QuestionFiltersSchema, {}],
];

const NOT_DIGITS = ['0x10', '1e3', '1E3', '0b11', '0o7', '+7', ' 7', '7 ', 'Infinity', 'NaN', 'seven', '٣', '1_000', '1,000', '.5', '5.'];

const fieldsOf = (schema: ZodType, input: Record<string, string>) => {
  const result = schema.safeParse(input);
  if (result.success) return result.data as Record<string, unknown>;
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe.each(pages)('page on %s', (_name, schema, rest) => {
  it('reads plain decimal digits, leading zeros included, and is 1 when absent or empty', () => {
    expect(fieldsOf(schema, { ...rest, page: '3' }).page).toBe(3);
    expect(fieldsOf(schema, { ...rest, page: '007' }).page).toBe(7);
    expect(fieldsOf(schema, { ...rest, page: '' }).page).toBe(1);
    expect(fieldsOf(schema, rest).page).toBe(1);
  });

  it.each(NOT_DIGITS)('refuses %j, asking for digits', (page) => {
    expect(fieldsOf(schema, { ...rest, page })).toEqual({ page: 'Write the page in digits, e.g. page=2.' });
  });

  it('says what is wrong with a fraction, a page before the first and one past the bound', () => {
    expect(fieldsOf(schema, { ...rest, page: '1.5' })).toEqual({ page: 'A page is a whole number.' });
    expect(fieldsOf(schema, { ...rest, page: '2.0' })).toEqual({ page: 'A page is a whole number.' });
    expect(fieldsOf(schema, { ...rest, page: '0' })).toEqual({ page: 'Pages start at 1.' });
    expect(fieldsOf(schema, { ...rest, page: '-1' })).toEqual({ page: 'Pages start at 1.' });
    expect(fieldsOf(schema, { ...rest, page: '99999999999999999999' })).toEqual({ page: expect.stringMatching(/^At most page \d+\.$/) });
  });
});

describe('wait on GET /api/attempts/<id>', () => {
  it('reads 0 to 25 seconds in digits, and nothing when absent or empty', () => {
    expect(AttemptWaitQuerySchema.parse({ wait: '20' })).toEqual({ wait: 20 });
    expect(AttemptWaitQuerySchema.parse({ wait: '0' })).toEqual({ wait: 0 });
    expect(AttemptWaitQuerySchema.parse({ wait: '' }).wait).toBeUndefined();
    expect(AttemptWaitQuerySchema.parse({}).wait).toBeUndefined();
  });

  it.each(NOT_DIGITS)('refuses %j, asking for digits', (wait) => {
    expect(fieldsOf(AttemptWaitQuerySchema, { wait })).toEqual({ wait: 'Write wait in digits, a number of seconds, e.g. wait=20.' });
  });

  it('says what is wrong with a fraction or a value out of range', () => {
    expect(fieldsOf(AttemptWaitQuerySchema, { wait: '2.5' })).toEqual({ wait: 'wait is a whole number of seconds.' });
    expect(fieldsOf(AttemptWaitQuerySchema, { wait: '-1' })).toEqual({ wait: 'wait is 0 to 25 seconds.' });
    expect(fieldsOf(AttemptWaitQuerySchema, { wait: '26' })).toEqual({ wait: 'wait is 0 to 25 seconds.' });
  });
});
