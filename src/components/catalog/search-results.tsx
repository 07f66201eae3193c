import Link from 'next/link';
import { Markdown } from '@/components/ui/markdown';
import { plainTitle } from '@/lib/plain-title';
import type { SearchHit } from '@/server/search/search-questions';
import { QuestionMeta } from './question-meta';
import { StatusBadge } from './status-badge';

export function SearchResults({ hits }: { hits: SearchHit[] }) {
  if (hits.length === 0) return <p className="text-slate-700 dark:text-slate-300">No question matches. Try fewer words or filters.</p>;
  return (
    <ol className="space-y-3" aria-label="Search results">
      {hits.map((q) => (
        <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <QuestionMeta difficulty={q.difficulty} type={q.type} answerKind={q.answerKind} practiceCount={q.practiceCount} />
            <StatusBadge status={q.status} />
          </div>
          <h3 className="mt-3 text-base leading-relaxed font-normal">
            <Link href={`/questions/${q.slug}`} className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
              {q.prompt.trim().includes('\n') ? plainTitle(q.prompt, 200) : <Markdown inline>{q.prompt}</Markdown>}
            </Link>
          </h3>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
            <Link href={`/topics/${q.topic.slug}`} className="underline">{q.topic.name}</Link>
            {q.tags.map((tag) => (
              <Link key={tag} href={`/search?tag=${encodeURIComponent(tag)}`} className="rounded-full bg-slate-100 px-2 py-0.5 no-underline hover:underline dark:bg-slate-800">
                #{tag}
              </Link>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}
