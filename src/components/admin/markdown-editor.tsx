'use client';

import { Markdown } from '@/components/ui/markdown';
import { describedBy, FieldError } from './field-error';
import { INPUT_CLASS, LABEL_CLASS } from './styles';

// A Markdown textarea with a live preview beside it (below it on small screens).
export function MarkdownEditor({
  id,
  label,
  value,
  onChange,
  error,
  rows = 8,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  rows?: number;
  hint?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={LABEL_CLASS}>
        {label}
      </label>
      {hint ? <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} className={`${INPUT_CLASS} font-mono text-sm`} {...describedBy(id, error)} />
        <section aria-label={`${label} preview`} data-testid={`${id}-preview`} className="min-h-24 overflow-auto rounded-lg border border-dashed border-slate-300 p-3 text-sm dark:border-slate-700">
          {value.trim() ? <Markdown>{value}</Markdown> : <p className="text-slate-500 dark:text-slate-400">The preview appears here.</p>}
        </section>
      </div>
      <FieldError id={id} message={error} />
    </div>
  );
}
