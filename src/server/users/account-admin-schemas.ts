// Client-safe zod schemas for managing accounts from the admin Users page. (Kept beside
// schemas.ts, which holds the sign-up and sign-in shapes.)
import { z } from 'zod';
import { uuidField } from '@/lib/uuid-field';
import { ADMIN_MAX_PAGE, pageParam } from '@/lib/page-param';
import { SearchTextSchema } from '@/lib/search-text';
import { RoleSchema } from './schemas';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const USERS_PAGE_SIZE = 25;

export const UserFiltersSchema = z.object({
  q: z.preprocess(emptyToUndefined, SearchTextSchema.optional()),
  role: z.preprocess(emptyToUndefined, RoleSchema.optional()),
  page: pageParam(ADMIN_MAX_PAGE),
});
export type UserFilters = z.infer<typeof UserFiltersSchema>;

export const UserIdSchema = uuidField('An account id is a UUID.');

export const SetRoleSchema = z.strictObject({
  userId: UserIdSchema,
  role: RoleSchema,
});

export const SetDisabledSchema = z.strictObject({
  userId: UserIdSchema,
  disabled: z.boolean({ error: 'Disabled is true or false.' }),
});
