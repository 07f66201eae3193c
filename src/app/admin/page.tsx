import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { BundleImport } from '@/components/admin/bundle-import';
import { LINK_CLASS, PANEL_CLASS } from '@/components/admin/styles';
import { getBankStats } from '@/server/admin/get-bank-stats';
import { requireAdminPage } from '@/server/auth';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  await requireAdminPage('/admin');
  const stats = await getBankStats();
  const cards = [
    ['Topics', stats.topics, '/admin/topics'],
    ['Questions', stats.questions, '/admin/questions'],
    ['Drafts', stats.drafts, '/admin/questions?status=draft'],
    ['Users', stats.users, '/admin/users'],
    ['Attempts', stats.attempts, null],
  ] as const;
  return (
    <div className="space-y-8">
      <AdminNav current="/admin" />
      <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
      <dl className="grid gap-4 sm:grid-cols-5">
        {cards.map(([label, value, href]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <dt className="text-sm text-slate-600 dark:text-slate-400">{href ? <Link href={href} className="hover:underline">{label}</Link> : label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="curate-heading" className={PANEL_CLASS}>
          <h2 id="curate-heading" className="text-lg font-semibold">Curate the bank</h2>
          <ul className="list-inside list-disc space-y-1">
            <li><Link href="/admin/questions/new" className={LINK_CLASS}>Write a new question</Link></li>
            <li><Link href="/admin/questions" className={LINK_CLASS}>Questions, drafts included</Link></li>
            <li><Link href="/admin/topics" className={LINK_CLASS}>Topics and bundle exports</Link></li>
            <li><Link href="/admin/audit" className={LINK_CLASS}>Audit log</Link></li>
            <li><Link href="/admin/users" className={LINK_CLASS}>Users and roles</Link></li>
          </ul>
        </section>
        <section aria-labelledby="import-heading" className={PANEL_CLASS}>
          <h2 id="import-heading" className="text-lg font-semibold">Import a bundle</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            A topic with its questions and grading material, as exported from a topic page or with{' '}
            <code>npm run bank:export</code>. Published material new to this bank is validated first; a bundle with any problem changes nothing.
          </p>
          <BundleImport />
        </section>
      </div>
    </div>
  );
}
