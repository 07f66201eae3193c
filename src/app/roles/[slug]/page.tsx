import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TopicCards } from '@/components/taxonomy/topic-cards';
import { getRole } from '@/server/taxonomy/get-role';
import type { TaxonomyTopic } from '@/server/taxonomy/taxonomy-topic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const role = await getRole({ slug: (await params).slug });
  return { title: role ? `${role.name} interview questions` : 'Role not found' };
}

// The role's topics, grouped by category in the bank's order (getRole sorts them).
function byCategory(topics: TaxonomyTopic[]): { key: string; name: string; slug: string | null; topics: TaxonomyTopic[] }[] {
  const groups: { key: string; name: string; slug: string | null; topics: TaxonomyTopic[] }[] = [];
  for (const topic of topics) {
    const key = topic.category?.slug ?? '';
    let group = groups.find((g) => g.key === key);
    if (!group) groups.push((group = { key, name: topic.category?.name ?? 'Other topics', slug: topic.category?.slug ?? null, topics: [] }));
    group.topics.push(topic);
  }
  return groups;
}

export default async function RolePage({ params }: Props) {
  const role = await getRole({ slug: (await params).slug });
  if (!role) notFound();
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700 dark:text-slate-300">
        <Link href="/" className="hover:underline">Question bank</Link> <span aria-hidden>/</span>{' '}
        <Link href="/roles" className="hover:underline">Roles</Link> <span aria-hidden>/</span> {role.name}
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{role.name} interview questions</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">{role.description}</p>
      </header>
      {role.topics.length === 0 ? <p className="text-slate-600 dark:text-slate-400">No topics are published for this role yet.</p> : null}
      {byCategory(role.topics).map((group) => (
        <section key={group.key} aria-labelledby={`category-${group.key || 'other'}`} className="space-y-4">
          <h2 id={`category-${group.key || 'other'}`} className="text-xl font-semibold">
            {group.slug ? <Link href={`/categories/${group.slug}`} className="hover:underline">{group.name}</Link> : group.name}
          </h2>
          <TopicCards topics={group.topics} label={`${group.name} topics`} />
        </section>
      ))}
    </div>
  );
}
