// The admin lists' address filters: applied when they parse; on a bad one, the first page with no
// filter and the error that IgnoredFiltersAlert shows.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/field-errors';
import { parseListFilters } from '@/lib/parse-list-filters';
import { AuditLogQuerySchema } from '@/server/audit/schemas';
import { QuestionFiltersSchema } from '@/server/curation/schemas';
import { UserFiltersSchema } from '@/server/users/account-admin-schemas';

describe('parseListFilters', () => {
  it('applies filters that parse, with no error', () => {
    expect(parseListFilters(UserFiltersSchema, { q: 'ada', role: 'ADMIN', page: '2' })).toEqual({ filters: { q: 'ada', role: 'ADMIN', page: 2 }, error: undefined });
    expect(parseListFilters(AuditLogQuerySchema, { entity: 'question' })).toEqual({ filters: { entity: 'question', page: 1 }, error: undefined });
  });

  it('reads an empty address as the first page, unfiltered', () => {
    const { filters, error } = parseListFilters(QuestionFiltersSchema, {});
    expect(filters).toEqual({ page: 1 });
    expect(error).toBeUndefined();
  });

  it('drops every filter on a bad one and returns the error that names it', () => {
    const { filters, error } = parseListFilters(AuditLogQuerySchema, { actor: 'ada', entity: 'bogus', page: '3' });
    expect(filters).toEqual({ page: 1 });
    expect(error && fieldErrors(error)).toEqual({ entity: 'Choose an entity from the list.' });
  });

  it('takes the first value of a repeated parameter, on every list', () => {
    expect(parseListFilters(QuestionFiltersSchema, { difficulty: ['HARD', 'bogus'], q: 'cron' })).toEqual({ filters: { difficulty: 'HARD', q: 'cron', page: 1 }, error: undefined });
    expect(parseListFilters(UserFiltersSchema, { role: ['ADMIN', 'CANDIDATE'], q: 'ada' })).toEqual({ filters: { role: 'ADMIN', q: 'ada', page: 1 }, error: undefined });
  });

  it('judges the first value of a repeated parameter like a single one', () => {
    const { filters, error } = parseListFilters(UserFiltersSchema, { role: ['bogus', 'ADMIN'] });
    expect(filters).toEqual({ page: 1 });
    expect(error && fieldErrors(error)).toEqual({ role: 'Choose CANDIDATE or ADMIN ("bogus" is not one of them).' });
  });
});
