import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TopicCards } from '@/components/taxonomy/topic-cards';
import { getCategory } from '@/server/taxonomy/get-category';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await getCategory({ slug: (await params).slug });
  return { title: category ? `${category.name} questions` : 'Category not found' };
}

export default async function CategoryPage({ params }: Props) {
  const category = await getCategory({ slug: (await params).slug });
  if (!category) notFound();
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700 dark:text-slate-300">
        <Link href="/" className="hover:underline">Question bank</Link> <span aria-hidden>/</span>{' '}
        <Link href="/categories" className="hover:underline">Categories</Link> <span aria-hidden>/</span> {category.name}
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{category.name}</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">{category.description}</p>
      </header>
      {category.topics.length === 0 ? <p className="text-slate-600 dark:text-slate-400">No topics are published in this category yet.</p> : null}
      <TopicCards topics={category.topics} label={`${category.name} topics`} headingLevel={2} />
    </div>
  );
}
