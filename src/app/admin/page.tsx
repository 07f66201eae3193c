import type { Metadata } from 'next';
import Link from 'next/link';
import { getBankStats } from '@/server/admin/get-bank-stats';
import { requireAdminPage } from '@/server/auth';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  await requireAdminPage('/admin');
  const stats = await getBankStats();
  const cards = [
    ['Topics', stats.topics],
    ['Questions', stats.questions],
    ['Drafts', stats.drafts],
    ['Users', stats.users],
    ['Attempts', stats.attempts],
  ] as const;
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
      <dl className="grid gap-4 sm:grid-cols-5">
        {cards.map(([label, value]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <nav aria-label="Admin sections">
        <ul className="list-inside list-disc">
          <li><Link href="/admin/users" className="text-indigo-700 hover:underline dark:text-indigo-300">Users and roles</Link></li>
        </ul>
      </nav>
    </div>
  );
}
