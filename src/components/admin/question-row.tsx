import Link from 'next/link';
import { LINK_CLASS } from '@/components/admin/styles';
import { Badge } from '@/components/ui/badge';
import { ANSWER_KIND_LABEL, DIFFICULTY_LABEL, QUESTION_TYPE_LABEL } from '@/lib/labels';
import { plainTitle } from '@/lib/plain-title';
import { plural } from '@/lib/plural';
import type { AdminQuestionListItem } from '@/server/curation/list-admin-questions';

// One question in the admin list: its state and labels, then the prompt's start as plain text
// (the Markdown source of a long prompt, with its tables and code fences, is not readable here).
export function QuestionRow({ question: q }: { question: AdminQuestionListItem }) {
  return (
    <li className="space-y-2 p-4">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {q.published ? <Badge tone="green">Published</Badge> : <Badge tone="amber">Draft</Badge>}
        <Badge>{DIFFICULTY_LABEL[q.difficulty]}</Badge>
        <Badge>{QUESTION_TYPE_LABEL[q.type]}</Badge>
        <Badge tone="indigo">{ANSWER_KIND_LABEL[q.answerKind]}</Badge>
        <span className="text-slate-600 dark:text-slate-400">{q.topic.name}</span>
        {q.latestVersion ? (
          <span className="text-slate-600 dark:text-slate-400">
            v{q.latestVersion.version} {q.latestVersion.isPublished ? 'published' : 'draft'}
            {q.latestVersion.validation ? `, validation ${q.latestVersion.validation}` : ''}
          </span>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">no grading material</span>
        )}
        <span className="text-slate-600 dark:text-slate-400">{plural(q.attempts, 'attempt')}</span>
        {q.tags.map((t) => <Badge key={t}>#{t}</Badge>)}
      </div>
      <Link href={`/admin/questions/${q.id}`} className={`${LINK_CLASS} line-clamp-2`}>{plainTitle(q.prompt, 200)}</Link>
    </li>
  );
}
