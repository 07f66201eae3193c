// Roles and disabled accounts against a real Postgres: admins promote, demote and disable others,
// never the last admin and never themselves; a disabled account's session stops at its next
// request and it cannot sign in; every change is audited.
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteAccount } from '@/server/account/delete-account';
import { authOptions } from '@/server/auth';
import { prisma } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { createUser } from '@/server/users/create-user';
import { listUsers } from '@/server/users/list-users';
import { setUserDisabled } from '@/server/users/set-user-disabled';
import { setUserRole } from '@/server/users/set-user-role';
import { DISABLED_ACCOUNT, verifyCredentials } from '@/server/users/verify-credentials';
import { resetDatabase } from '../../support/reset-database';

let admin: { id: string };
let candidate: { id: string };

beforeEach(async () => {
  await resetDatabase();
  admin = await createUser({ input: { email: 'admin@example.com', password: 'admin-password', role: 'ADMIN' } });
  candidate = await createUser({ input: { email: 'cand@example.com', password: 'cand-password' } });
});

const conflict = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConflictError);
  return (error as ConflictError).message;
};

// The JWT callback as next-auth calls it on every session read after sign-in.
const jwtFor = async (user: { id: string }) => {
  const signIn = await authOptions.callbacks!.jwt!({ token: {}, user: { id: user.id, email: '' }, account: { provider: 'credentials', type: 'credentials', providerAccountId: user.id } } as never);
  return () => authOptions.callbacks!.jwt!({ token: signIn, user: undefined, account: null } as never);
};

describe('roles', () => {
  it('promotes and demotes, audited with the change', async () => {
    await setUserRole({ actor: admin, input: { userId: candidate.id, role: 'ADMIN' } });
    await setUserRole({ actor: admin, input: { userId: candidate.id, role: 'CANDIDATE' } });
    const audit = await prisma.auditLog.findMany({ where: { entity: 'user' }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true, details: true } });
    expect(audit).toEqual([
      { action: 'user.promote', actorId: admin.id, details: { email: 'cand@example.com', role: { from: 'CANDIDATE', to: 'ADMIN' } } },
      { action: 'user.demote', actorId: admin.id, details: { email: 'cand@example.com', role: { from: 'ADMIN', to: 'CANDIDATE' } } },
    ]);
  });

  it('never changes your own account, and never removes the last admin', async () => {
    expect(await conflict(setUserRole({ actor: admin, input: { userId: admin.id, role: 'CANDIDATE' } }))).toBe('You cannot change your own role. Ask another admin.');
    expect(await conflict(setUserDisabled({ actor: admin, input: { userId: admin.id, disabled: true } }))).toBe('You cannot disable your own account. Ask another admin.');
    // Another admin (made from the terminal) tries to demote the only active admin besides a disabled one.
    const second = await createUser({ input: { email: 'second@example.com', password: 'second-password', role: 'ADMIN' } });
    await setUserDisabled({ actor: admin, input: { userId: second.id, disabled: true } });
    expect(await conflict(setUserRole({ actor: second, input: { userId: admin.id, role: 'CANDIDATE' } }))).toBe('admin@example.com is the last admin; promote someone else first.');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true } })).role).toBe('ADMIN');
  });

  it('two admins demoting each other at once leave one admin', async () => {
    const second = await createUser({ input: { email: 'second@example.com', password: 'second-password', role: 'ADMIN' } });
    const results = await Promise.allSettled([
      setUserRole({ actor: admin, input: { userId: second.id, role: 'CANDIDATE' } }),
      setUserRole({ actor: second, input: { userId: admin.id, role: 'CANDIDATE' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await prisma.user.count({ where: { role: 'ADMIN' } })).toBe(1);
  });
});

describe('disabling an account', () => {
  it('ends its sessions at the next request and refuses sign-in until re-enabled', async () => {
    const read = await jwtFor(candidate);
    expect(await read()).toMatchObject({ uid: candidate.id, sv: 0 });
    await setUserDisabled({ actor: admin, input: { userId: candidate.id, disabled: true } });
    expect(await read()).toEqual({});
    await expect(verifyCredentials({ input: { email: 'cand@example.com', password: 'cand-password' }, address: '127.0.0.1' })).rejects.toThrow(DISABLED_ACCOUNT);

    await setUserDisabled({ actor: admin, input: { userId: candidate.id, disabled: false } });
    // The old session stays ended; signing in again works.
    expect(await read()).toEqual({});
    expect(await verifyCredentials({ input: { email: 'cand@example.com', password: 'cand-password' }, address: '127.0.0.1' })).toMatchObject({ id: candidate.id });
    expect((await prisma.auditLog.findMany({ where: { entity: 'user' }, orderBy: { createdAt: 'asc' }, select: { action: true } })).map((a) => a.action)).toEqual(['user.disable', 'user.enable']);
  });
});

describe('the Users list', () => {
  it('searches by email or name and pages', async () => {
    for (let i = 0; i < 30; i++) await prisma.user.create({ data: { email: `bulk-${i}@example.com`, name: i === 7 ? 'Grace Hopper' : null } });
    const first = await listUsers({ input: { page: 1 } });
    expect(first).toMatchObject({ total: 32, pageCount: 2 });
    expect(first.users).toHaveLength(25);
    expect((await listUsers({ input: { page: 2 } })).users).toHaveLength(7);
    expect((await listUsers({ input: { q: 'HOPPER', page: 1 } })).users.map((u) => u.email)).toEqual(['bulk-7@example.com']);
    expect((await listUsers({ input: { role: 'ADMIN', page: 1 } })).users.map((u) => u.email)).toEqual(['admin@example.com']);
  });

  it('leaves out the placeholders of deleted accounts, and counts them', async () => {
    const deleted = await prisma.user.create({ data: { email: 'gone@example.com' }, select: { id: true } });
    await deleteAccount({ actor: deleted, input: { confirm: 'gone@example.com' } });
    const list = await listUsers({ input: { page: 1 } });
    expect(list).toMatchObject({ total: 2, deletedAccounts: 1 });
    expect(list.users.map((u) => u.email)).not.toContainEqual(expect.stringMatching(/@deleted\.invalid$/));
    expect((await listUsers({ input: { q: 'deleted.invalid', page: 1 } })).users).toEqual([]);
  });
});
