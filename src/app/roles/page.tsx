import type { Metadata } from 'next';
import Link from 'next/link';
import { TaxonomyCards } from '@/components/taxonomy/topic-cards';
import { listRoles } from '@/server/taxonomy/list-roles';

export const metadata: Metadata = { title: 'Roles' };

export default async function RolesPage() {
  const roles = await listRoles();
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700 dark:text-slate-300">
        <Link href="/" className="hover:underline">Question bank</Link> <span aria-hidden>/</span> Roles
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Practise for a role</h1>
        <p className="max-w-2xl text-slate-700 dark:text-slate-300">Each role gathers the topics its interviews cover; a topic can belong to several roles.</p>
      </header>
      <TaxonomyCards items={roles} base="/roles" label="Roles" headingLevel={2} />
    </div>
  );
}
