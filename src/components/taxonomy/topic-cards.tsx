import Link from 'next/link';
import type { TaxonomyTopic } from '@/server/taxonomy/taxonomy-topic';

const CARD =
  'block h-full rounded-xl border border-slate-200 bg-white p-5 no-underline shadow-sm transition hover:border-indigo-300 hover:shadow dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-500/50';

// Each card's name is a heading one level under the heading the list sits beneath: h2 straight
// under a page's h1 (/categories, /roles, a category), h3 under a section's h2 (home, a role).
type HeadingLevel = 2 | 3;
const CardHeading = ({ level, children }: { level: HeadingLevel; children: string }) =>
  level === 2 ? <h2 className="text-lg font-semibold">{children}</h2> : <h3 className="text-lg font-semibold">{children}</h3>;

// Topics as cards: name, question count, and the start of the description.
export function TopicCards({ topics, label, headingLevel = 3 }: { topics: TaxonomyTopic[]; label: string; headingLevel?: HeadingLevel }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2" aria-label={label}>
      {topics.map((topic) => (
        <li key={topic.id}>
          <Link href={`/topics/${topic.slug}`} className={CARD}>
            <CardHeading level={headingLevel}>{topic.name}</CardHeading>
            <p className="mt-1 text-sm text-indigo-700 dark:text-indigo-300">
              {topic.questionCount} {topic.questionCount === 1 ? 'question' : 'questions'}
            </p>
            <p className="mt-3 line-clamp-3 text-sm text-slate-600 dark:text-slate-400">{topic.description}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}

// Roles or categories as cards, each with its topic count.
export function TaxonomyCards({
  items,
  base,
  label,
  headingLevel = 3,
}: {
  items: { slug: string; name: string; description: string; topicCount: number }[];
  base: '/roles' | '/categories';
  label: string;
  headingLevel?: HeadingLevel;
}) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2" aria-label={label}>
      {items.map((item) => (
        <li key={item.slug}>
          <Link href={`${base}/${item.slug}`} className={CARD}>
            <CardHeading level={headingLevel}>{item.name}</CardHeading>
            <p className="mt-1 text-sm text-indigo-700 dark:text-indigo-300">
              {item.topicCount} {item.topicCount === 1 ? 'topic' : 'topics'}
            </p>
            <p className="mt-3 line-clamp-3 text-sm text-slate-600 dark:text-slate-400">{item.description}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
