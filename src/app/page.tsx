import Link from 'next/link';
import { TaxonomyCards } from '@/components/taxonomy/topic-cards';
import { listPublicTopics } from '@/server/cache/list-public-topics';
import { listPublicCategories, listPublicRoles } from '@/server/cache/list-public-taxonomy';

// The same for everyone: topics, roles and categories come from the public cache (docs/decisions/017); only the
// header (layout) knows who is signed in.
export default async function HomePage() {
  const [topics, roles, categories] = await Promise.all([listPublicTopics(), listPublicRoles(), listPublicCategories()]);
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Practise for production-operations interviews</h1>
        <p className="max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          Answer real interview questions in writing or in code. Written answers are graded against a rubric;
          scripts run against realistic test harnesses in a sandbox.
        </p>
      </section>
      {roles.length > 0 ? (
        <section aria-labelledby="roles-heading" className="space-y-4">
          <h2 id="roles-heading" className="text-xl font-semibold">Practise for a role</h2>
          <TaxonomyCards items={roles} base="/roles" label="Roles" />
        </section>
      ) : null}
      {categories.length > 0 ? (
        <section aria-labelledby="categories-heading" className="space-y-4">
          <h2 id="categories-heading" className="text-xl font-semibold">Browse by category</h2>
          <TaxonomyCards items={categories} base="/categories" label="Categories" />
        </section>
      ) : null}
      <section aria-labelledby="topics-heading" className="space-y-4">
        <h2 id="topics-heading" className="text-xl font-semibold">All topics</h2>
        {topics.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">The question bank is empty. Run <code>npm run db:seed</code> to load the seed questions.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {topics.map((topic) => (
              <li key={topic.id}>
                <Link
                  href={`/topics/${topic.slug}`}
                  className="block h-full rounded-xl border border-slate-200 bg-white p-5 no-underline shadow-sm transition hover:border-indigo-300 hover:shadow dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-500/50"
                >
                  <h3 className="text-lg font-semibold">{topic.name}</h3>
                  <p className="mt-1 text-sm text-indigo-700 dark:text-indigo-300">
                    {topic.questionCount} {topic.questionCount === 1 ? 'question' : 'questions'}
                  </p>
                  <p className="mt-3 line-clamp-3 text-sm text-slate-600 dark:text-slate-400">{topic.description}</p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
