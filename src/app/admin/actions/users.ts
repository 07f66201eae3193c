'use server';
// Server actions for the Users page: each checks the admin role, parses, and calls one verb.
import type { ActionResult } from '@/components/admin/action-result';
import { issueResetLink } from '@/server/passwords/issue-reset-link';
import { SetDisabledSchema, SetRoleSchema, UserIdSchema } from '@/server/users/account-admin-schemas';
import { setUserDisabled } from '@/server/users/set-user-disabled';
import { setUserRole } from '@/server/users/set-user-role';
import { runAdminAction } from './run-admin-action';

export async function setUserRoleAction(input: unknown): Promise<ActionResult<{ id: string; role: 'ADMIN' | 'CANDIDATE' }>> {
  return runAdminAction(SetRoleSchema, input, (actor, data) => setUserRole({ actor, input: data }));
}

export async function setUserDisabledAction(input: unknown): Promise<ActionResult<{ id: string; disabled: boolean }>> {
  return runAdminAction(SetDisabledSchema, input, (actor, data) => setUserDisabled({ actor, input: data }));
}

export async function issueResetLinkAction(userId: unknown): Promise<ActionResult<{ path: string; expiresAt: string }>> {
  return runAdminAction(UserIdSchema, userId, async (actor, id) => {
    const { path, expiresAt } = await issueResetLink({ actor, input: { userId: id } });
    return { path, expiresAt: expiresAt.toISOString() };
  });
}
