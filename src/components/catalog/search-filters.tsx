import { Button } from '@/components/ui/button';
import { ANSWER_KIND_LABEL, DIFFICULTY_LABEL, QUESTION_TYPE_LABEL } from '@/lib/labels';

const select =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

// `anyLabel` names the empty choice: "Any" for a filter, what the server does by default for the sort.
function Select({ name, label, value, options, anyLabel = 'Any' }: { name: string; label: string; value?: string; options: [string, string][]; anyLabel?: string }) {
  return (
    <label className="space-y-1 text-sm font-medium">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ''} className={select}>
        <option value="">{anyLabel}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    </label>
  );
}

// A plain GET form: the filters are the URL, and it works without JavaScript.
export function SearchFilters({ values }: { values: Record<string, string> }) {
  return (
    <form method="get" action="/search" role="search" aria-label="Questions" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <label className="block space-y-1 text-sm font-medium">
        <span>Search prompts and tags</span>
        <input type="search" name="q" defaultValue={values.q ?? ''} placeholder='e.g. rollback, "blue green", docker -python' className={select} />
      </label>
      {/* Three to a row from small screens up: six to a row cut the longer choices off ("Best
          match, else newest", "System design") at desktop widths. */}
      <div className="grid gap-3 sm:grid-cols-3">
        <Select name="difficulty" label="Difficulty" value={values.difficulty} options={Object.entries(DIFFICULTY_LABEL)} />
        <Select name="type" label="Type" value={values.type} options={Object.entries(QUESTION_TYPE_LABEL)} />
        <Select name="kind" label="Answer" value={values.kind} options={Object.entries(ANSWER_KIND_LABEL)} />
        <label className="space-y-1 text-sm font-medium">
          <span>Tag</span>
          <input name="tag" defaultValue={values.tag ?? ''} className={select} />
        </label>
        <Select name="status" label="Your status" value={values.status} options={[['new', 'New'], ['tried', 'Tried'], ['passed', 'Passed']]} />
        <Select
          name="sort"
          label="Sort"
          value={values.sort}
          // No sort given: best match when there are search words, newest when there are none
          // (src/server/search/search-questions.ts).
          anyLabel="Best match, else newest"
          options={[['relevance', 'Best match'], ['newest', 'Newest'], ['easiest', 'Easiest first'], ['hardest', 'Hardest first'], ['popular', 'Most practiced']]}
        />
      </div>
      <Button type="submit">Search</Button>
    </form>
  );
}
