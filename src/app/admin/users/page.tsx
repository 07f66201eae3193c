import type { Metadata } from 'next';
import { cache } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { IgnoredFiltersAlert } from '@/components/admin/ignored-filters-alert';
import { Pagination } from '@/components/admin/pagination';
import { INPUT_CLASS, LABEL_CLASS } from '@/components/admin/styles';
import { UserActions } from '@/components/admin/user-actions';
import { Badge } from '@/components/ui/badge';
import { WrappingEmail } from '@/components/ui/wrapping-email';
import { pagedTitle } from '@/lib/paged-title';
import { parseListFilters, type SearchParams } from '@/lib/parse-list-filters';
import { getSessionUser, requireAdminPage } from '@/server/auth';
import { UserFiltersSchema, type UserFilters } from '@/server/users/account-admin-schemas';
import { listUsers } from '@/server/users/list-users';

type Props = { searchParams: Promise<SearchParams> };

const filtersOf = async (searchParams: Props['searchParams']) => parseListFilters(UserFiltersSchema, await searchParams);
const load = cache((filters: string) => listUsers({ input: JSON.parse(filters) as UserFilters }));

// Past the first page the title names the page (admins only: the count is not for anyone else), so
// each page is told apart and a page change is announced. The list is read once per request (cache).
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const user = await getSessionUser();
  if (user?.role !== 'ADMIN') return { title: 'Users · Admin' };
  const { page, pageCount } = await load(JSON.stringify((await filtersOf(searchParams)).filters));
  return { title: `${pagedTitle('Users', page, pageCount)} · Admin` };
}

export default async function AdminUsersPage({ searchParams }: Props) {
  const me = await requireAdminPage('/admin/users');
  const { error, filters } = await filtersOf(searchParams);
  const { users, total, page, pageCount, deletedAccounts } = await load(JSON.stringify(filters));
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), ...(filters.role ? { role: filters.role } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/users" />
      <h1 className="text-3xl font-bold tracking-tight">Users</h1>
      <IgnoredFiltersAlert error={error} />
      <form method="get" role="search" aria-label="Search accounts" className="grid gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-3 dark:border-slate-800">
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="users-q" className={LABEL_CLASS}>Search</label>
          <input id="users-q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder="Email or name" className={INPUT_CLASS} />
        </div>
        <div className="space-y-1">
          <label htmlFor="users-role" className={LABEL_CLASS}>Role</label>
          <select id="users-role" name="role" defaultValue={filters.role ?? ''} className={INPUT_CLASS}>
            <option value="">Any</option>
            <option value="ADMIN">Admin</option>
            <option value="CANDIDATE">Candidate</option>
          </select>
        </div>
        <div className="flex items-end gap-3 sm:col-span-3">
          <button type="submit" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">Search</button>
          <a href="?" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Clear</a>
        </div>
      </form>
      <p id="users-total" tabIndex={-1} className="text-sm text-slate-600 dark:text-slate-400">{total} {total === 1 ? 'account' : 'accounts'}, newest first.
        {deletedAccounts > 0 ? ` Not listed: ${deletedAccounts} deleted ${deletedAccounts === 1 ? 'account' : 'accounts'}, whose attempts are kept without a name or email.` : ''}
      </p>
      <div className="relative overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm" data-testid="users">
          <caption className="sr-only">Accounts</caption>
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Attempts</th>
              <th scope="col" className="px-4 py-2">Joined</th>
              <th scope="col" className="px-4 py-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-200 align-top dark:border-slate-800" data-testid="user-row" data-email={u.email}>
                <td className="px-4 py-2"><WrappingEmail email={u.email} /></td>
                <td className="px-4 py-2">{u.name ?? '—'}</td>
                <td className="px-4 py-2">
                  <span className="flex flex-wrap gap-1">
                    {u.role === 'ADMIN' ? <Badge tone="indigo">Admin</Badge> : <Badge>Candidate</Badge>}
                    {u.disabledAt ? <Badge tone="red">Disabled</Badge> : null}
                  </span>
                </td>
                <td className="px-4 py-2">{u.attempts}</td>
                <td className="px-4 py-2 whitespace-nowrap">{u.createdAt.toISOString().slice(0, 10)}</td>
                <td className="px-4 py-2">
                  <UserActions user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabledAt !== null }} isSelf={u.id === me.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} href={href} focusId="users-total" />
    </div>
  );
}
