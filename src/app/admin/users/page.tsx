import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { requireAdminPage } from '@/server/auth';
import { listUsers } from '@/server/users/list-users';

export const metadata: Metadata = { title: 'Users · Admin' };

export default async function AdminUsersPage() {
  await requireAdminPage('/admin/users');
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/users" />
      <h1 className="text-3xl font-bold tracking-tight">Users</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Make someone an admin from the terminal: <code>npm run user:create -- --email E --password P --role admin</code>
      </p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">All accounts</caption>
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Attempts</th>
              <th scope="col" className="px-4 py-2">Joined</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-200 dark:border-slate-800">
                <td className="px-4 py-2">{u.email}</td>
                <td className="px-4 py-2">{u.name ?? '—'}</td>
                <td className="px-4 py-2">{u.role === 'ADMIN' ? 'Admin' : 'Candidate'}</td>
                <td className="px-4 py-2">{u.attempts}</td>
                <td className="px-4 py-2">{u.createdAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
