// Client-safe zod schemas for managing accounts from the admin Users page. (Kept beside
// schemas.ts, which holds the sign-up and sign-in shapes.)
import { z } from 'zod';
import { SearchTextSchema } from '@/lib/search-text';
import { RoleSchema } from './schemas';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const USERS_PAGE_SIZE = 25;

export const UserFiltersSchema = z.object({
  q: z.preprocess(emptyToUndefined, SearchTextSchema.optional()),
  role: z.preprocess(emptyToUndefined, RoleSchema.optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'A page is a number.' }).int('A page is a whole number.').min(1, 'Pages start at 1.').default(1)),
});
export type UserFilters = z.infer<typeof UserFiltersSchema>;

export const UserIdSchema = z.uuid({ error: 'An account id is a UUID.' });

export const SetRoleSchema = z.strictObject({
  userId: UserIdSchema,
  role: RoleSchema,
});

export const SetDisabledSchema = z.strictObject({
  userId: UserIdSchema,
  disabled: z.boolean({ error: 'Disabled is true or false.' }),
});
