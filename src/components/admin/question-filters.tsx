import { ANSWER_KIND_LABEL, DIFFICULTY_LABEL, QUESTION_TYPE_LABEL } from '@/lib/labels';
import type { QuestionFilters as Filters } from '@/server/curation/schemas';
import { ANSWER_KINDS, DIFFICULTIES, QUESTION_TYPES } from '@/server/curation/schemas';
import { INPUT_CLASS, LABEL_CLASS } from './styles';

function Choice({ name, label, value, options }: { name: string; label: string; value?: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className={LABEL_CLASS}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} className={INPUT_CLASS}>
        <option value="">Any</option>
        {options.map(([code, text]) => <option key={code} value={code}>{text}</option>)}
      </select>
    </div>
  );
}

// A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared.
export function QuestionFilters({ filters, topics }: { filters: Filters; topics: { slug: string; name: string }[] }) {
  return (
    <form method="get" role="search" aria-label="Filter questions" className="grid gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-3 lg:grid-cols-7 dark:border-slate-800">
      <div className="space-y-1 sm:col-span-3 lg:col-span-2">
        <label htmlFor="filter-q" className={LABEL_CLASS}>Search</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder="Words in the prompt, slug or a tag" className={INPUT_CLASS} />
      </div>
      <Choice name="topic" label="Topic" value={filters.topic} options={topics.map((t) => [t.slug, t.name] as const)} />
      <Choice name="difficulty" label="Difficulty" value={filters.difficulty} options={DIFFICULTIES.map((d) => [d, DIFFICULTY_LABEL[d]] as const)} />
      <Choice name="type" label="Type" value={filters.type} options={QUESTION_TYPES.map((t) => [t, QUESTION_TYPE_LABEL[t]] as const)} />
      <Choice name="kind" label="Answer kind" value={filters.kind} options={ANSWER_KINDS.map((k) => [k, ANSWER_KIND_LABEL[k]] as const)} />
      <Choice name="status" label="Status" value={filters.status} options={[['published', 'Published'], ['draft', 'Draft']] as const} />
      <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-7">
        <button type="submit" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">Apply filters</button>
        <a href="?" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Clear</a>
      </div>
    </form>
  );
}
