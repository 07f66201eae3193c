import type { Metadata } from 'next';
import Link from 'next/link';
import { TaxonomyCards } from '@/components/taxonomy/topic-cards';
import { listCategories } from '@/server/taxonomy/list-categories';

export const metadata: Metadata = { title: 'Categories' };

export default async function CategoriesPage() {
  const categories = await listCategories();
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700 dark:text-slate-300">
        <Link href="/" className="hover:underline">Question bank</Link> <span aria-hidden>/</span> Categories
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Browse by category</h1>
      </header>
      <TaxonomyCards items={categories} base="/categories" label="Categories" headingLevel={2} />
    </div>
  );
}
