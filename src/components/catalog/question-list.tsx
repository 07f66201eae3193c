import Link from 'next/link';
import type { QuestionSummary } from '@/server/questions/question-summary';
import { Markdown } from '@/components/ui/markdown';
import { plainTitle } from '@/lib/plain-title';
import type { QuestionStatus } from '@/server/search/schemas';
import { OwnStatusBadge, OwnStatusesProvider } from './own-statuses';
import { QuestionMeta } from './question-meta';
import { StatusBadge } from './status-badge';

// `statuses` (signed-in candidates) marks each question new, tried or passed; 'load' has the
// browser read them (the member copy of a cached page, which knows no reader).
export function QuestionList({ questions, statuses }: { questions: QuestionSummary[]; statuses?: Record<string, QuestionStatus> | 'load' }) {
  const list = (
    <ol className="space-y-3" aria-label="Questions">
      {questions.map((q) => (
        <li key={q.id}>
          <article className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-300 hover:shadow dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-500/50">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <QuestionMeta difficulty={q.difficulty} type={q.type} answerKind={q.answerKind} practiceCount={q.practiceCount} />
              {statuses === 'load' ? <OwnStatusBadge questionId={q.id} /> : statuses?.[q.id] ? <StatusBadge status={statuses[q.id]!} /> : null}
            </div>
            <h3 className="mt-3 text-base leading-relaxed font-normal">
              <Link href={`/questions/${q.slug}`} className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                {q.prompt.trim().includes('\n') ? plainTitle(q.prompt, 200) : <Markdown inline>{q.prompt}</Markdown>}
              </Link>
            </h3>
          </article>
        </li>
      ))}
    </ol>
  );
  return statuses === 'load' ? <OwnStatusesProvider questionIds={questions.map((q) => q.id)}>{list}</OwnStatusesProvider> : list;
}
