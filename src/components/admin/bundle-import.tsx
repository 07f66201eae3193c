'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { describeImportedQuestion, describeKeptDrafts } from '@/server/bundles/describe-imported-question';
import type { ImportSummary, OtherTopicPolicy } from '@/server/bundles/schemas';
import { INPUT_CLASS, LABEL_CLASS } from './styles';

const OUTCOME_CLASS = {
  created: 'text-emerald-700 dark:text-emerald-300',
  updated: 'text-sky-700 dark:text-sky-300',
  unchanged: 'text-slate-600 dark:text-slate-400',
  refused: 'text-rose-700 dark:text-rose-300',
} as const;

// Uploads a bundle file to POST /api/admin/bundles and shows what happened to each question, or
// every problem named by its place in the file. Nothing is imported unless the whole bundle is
// valid; questions that belong to another topic are refused or copied, never moved; a draft
// saved here is kept, and the summary names it.
export function BundleImport() {
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();
  // Every problem is about the file as a whole: focus goes to the list of them.
  const fail = (messages: string[]) => {
    setErrors(messages);
    focusFirstError();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    setSummary(null);
    const form = new FormData(event.currentTarget);
    const file = form.get('bundle');
    const policy = (form.get('onOtherTopic') === 'copy' ? 'copy' : 'refuse') satisfies OtherTopicPolicy;
    if (!(file instanceof File) || file.size === 0) return fail(['Choose a bundle file (.json) to import.']);
    let bundle: unknown;
    try {
      bundle = JSON.parse(await file.text());
    } catch (error) {
      return fail([`${file.name} is not valid JSON: ${(error as Error).message}`]);
    }
    setPending(true);
    const response = await fetch(`/api/admin/bundles?onOtherTopic=${policy}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bundle) }).catch(() => null);
    const body = (await response?.json().catch(() => ({}))) ?? {};
    setPending(false);
    if (!response?.ok) return fail(Array.isArray(body.errors) ? body.errors : [body.error ?? 'The import failed. Please try again.']);
    setSummary(body.summary);
    router.refresh();
  }

  const keptDrafts = summary ? describeKeptDrafts(summary) : null;
  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-3" aria-label="Import a bundle">
      <label htmlFor="bundle-file" className={LABEL_CLASS}>Bundle file (rehearse-bundle JSON)</label>
      <input id="bundle-file" name="bundle" type="file" accept="application/json,.json" className="block text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 dark:file:bg-slate-800" />
      <label htmlFor="bundle-other-topic" className={LABEL_CLASS}>Questions that already belong to another topic</label>
      <select id="bundle-other-topic" name="onOtherTopic" defaultValue="refuse" className={INPUT_CLASS}>
        <option value="refuse">Refuse them (leave them where they are)</option>
        <option value="copy">Import them as copies (new slugs; originals untouched)</option>
      </select>
      <Button type="submit" disabled={pending}>{pending ? 'Importing…' : 'Import bundle'}</Button>
      {errors.length > 0 ? (
        <div role="alert" tabIndex={-1} className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-300">
          <p className="font-medium">Nothing was imported:</p>
          <ul className="mt-1 list-inside list-disc font-mono text-xs" data-testid="bundle-errors">
            {errors.map((e, i) => <li key={i}>{e}</li>)}
          </ul>
        </div>
      ) : null}
      {summary ? (
        <div role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200">
          <p>
            {summary.questionsCreated + summary.questionsUpdated + summary.questionsUnchanged === 0 ? 'Nothing imported into' : 'Imported'} topic <code>{summary.topic}</code>
            {summary.topicCreated ? ' (new)' : ''}: {summary.questionsCreated} created,{' '}
            {summary.questionsUpdated} updated, {summary.questionsUnchanged} unchanged, {summary.questionsRefused} refused;{' '}
            {summary.versionsCreated} versions created, {summary.versionsPublished} published.
          </p>
          {keptDrafts ? <p className="mt-1 font-medium first-letter:uppercase" data-testid="bundle-kept-drafts">{keptDrafts}.</p> : null}
          <ul className="mt-2 space-y-1 text-xs" data-testid="bundle-summary">
            {summary.questions.map((q) => (
              <li key={`${q.outcome}:${q.slug}`}>
                <span className={`font-semibold ${OUTCOME_CLASS[q.outcome]}`}>{q.outcome}</span> <code>{q.slug}</code>
                {describeImportedQuestion(q) ? <span>: {describeImportedQuestion(q)}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
