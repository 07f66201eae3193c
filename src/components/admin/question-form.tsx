'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { createQuestionAction, updateQuestionAction } from '@/app/admin/actions/questions';
import { Button } from '@/components/ui/button';
import type { ActionResult } from './action-result';
import { callAction } from './call-action';
import { Field } from '@/components/ui/field';
import { ANSWER_KIND_LABEL, DIFFICULTY_LABEL, QUESTION_TYPE_LABEL } from '@/lib/labels';
import { ANSWER_KINDS, DIFFICULTIES, QUESTION_TYPES, QuestionInputSchema, type QuestionInput } from '@/server/curation/schemas';
import { fieldErrors } from '@/lib/field-errors';
import { describedBy, FieldError } from './field-error';
import { FormAlert } from '@/components/ui/form-alert';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { MarkdownEditor } from './markdown-editor';
import { INPUT_CLASS, LABEL_CLASS } from './styles';
import { QUESTION_SECTION, useReportUnsaved } from './unsaved-changes';
import { UnsavedNote } from './unsaved-note';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';
import { unsavedQuestionParts, type QuestionFields } from './unsaved-parts';

// `revision`: what the form opened (questionRevision); a save based on fields someone else has
// changed since is refused, and the form keeps the admin's edits beside the message.
type Editable = Omit<QuestionInput, 'slug'> & { id: string; slug: string; revision: string };

function Select({ id, label, value, onChange, options, error }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
  error?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={LABEL_CLASS}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={INPUT_CLASS} {...describedBy(id, error)}>
        {options.map(([code, text]) => <option key={code} value={code}>{text}</option>)}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}

// Creates a question (always a draft) or edits the parts of one that are not versioned.
export function QuestionForm({ topics, question, lockedAnswerKind = false }: {
  topics: { id: string; name: string }[];
  question?: Editable;
  // Once a version is published the answer kind is fixed (attempts were graded as that kind).
  lockedAnswerKind?: boolean;
}) {
  const router = useRouter();
  const [topicId, setTopicId] = useState(question?.topicId ?? topics[0]?.id ?? '');
  const [prompt, setPrompt] = useState(question?.prompt ?? '');
  const [slug, setSlug] = useState(question?.slug ?? '');
  const [difficulty, setDifficulty] = useState<string>(question?.difficulty ?? 'EASY');
  const [type, setType] = useState<string>(question?.type ?? 'TECHNICAL');
  const [answerKind, setAnswerKind] = useState<string>(question?.answerKind ?? 'WRITTEN');
  const [tags, setTags] = useState(question?.tags.join(', ') ?? '');
  // The fields as last saved (or opened): what differs from them is unsaved.
  const [saved, setSaved] = useState<QuestionFields>({ topicId, prompt, slug, difficulty, type, answerKind, tags });
  const unsaved = useMemo(() => unsavedQuestionParts({ topicId, prompt, slug, difficulty, type, answerKind, tags }, saved), [topicId, prompt, slug, difficulty, type, answerKind, tags, saved]);
  useReportUnsaved(QUESTION_SECTION, unsaved);
  const [basedOn, setBasedOn] = useState(question?.revision);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();
  const focusBack = useFocusAfterRender({ onlyIfLost: true });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      topicId,
      prompt,
      difficulty,
      type,
      answerKind,
      tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
      ...(question ? { slug } : {}),
    };
    const parsed = QuestionInputSchema.safeParse(input);
    if (!parsed.success) {
      setFields(fieldErrors(parsed.error));
      setMessage({ tone: 'error', text: 'Some fields need attention.' });
      focusFirstError();
      return;
    }
    setPending(true);
    // An edit answers with the revision the form is now based on; a new question has none yet.
    const result: ActionResult<{ id: string; revision?: string }> = await callAction(() => (question ? updateQuestionAction(question.id, { ...parsed.data, basedOn }) : createQuestionAction(parsed.data)));
    if (!result.ok) {
      setPending(false);
      setFields(result.fields);
      setMessage({ tone: 'error', text: result.error });
      focusFirstError();
      return;
    }
    setFields({});
    setSaved({ topicId, prompt, slug, difficulty, type, answerKind, tags });
    if (question) {
      setPending(false);
      setBasedOn(result.value.revision);
      setMessage({ tone: 'success', text: 'Question saved.' });
      focusBack('question-save');
      router.refresh();
    } else {
      // Still "Saving…" until the new question's page opens: a second click would create a second
      // question (its slug made unique with -2).
      router.push(`/admin/questions/${result.value.id}`);
    }
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={question ? 'Edit question' : 'New question'}>
      <Select id="question-topic" label="Topic" value={topicId} onChange={setTopicId} options={topics.map((t) => [t.id, t.name] as const)} error={fields.topicId} />
      <MarkdownEditor id="question-prompt" label="Prompt (Markdown)" value={prompt} onChange={setPrompt} error={fields.prompt} rows={8} />
      {question ? <Field id="question-slug" label="Slug (its address: /questions/<slug>)" value={slug} onChange={(e) => setSlug(e.target.value)} error={fields.slug} /> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Select id="question-difficulty" label="Difficulty" value={difficulty} onChange={setDifficulty} options={DIFFICULTIES.map((d) => [d, DIFFICULTY_LABEL[d]] as const)} error={fields.difficulty} />
        <Select id="question-type" label="Type" value={type} onChange={setType} options={QUESTION_TYPES.map((t) => [t, QUESTION_TYPE_LABEL[t]] as const)} error={fields.type} />
        {lockedAnswerKind ? (
          <div className="space-y-1">
            <span className={LABEL_CLASS}>Answer kind</span>
            <p className="py-2 text-sm">{ANSWER_KIND_LABEL[answerKind as keyof typeof ANSWER_KIND_LABEL]} <span className="text-slate-500 dark:text-slate-400">(fixed once published)</span></p>
          </div>
        ) : (
          <Select id="question-kind" label="Answer kind" value={answerKind} onChange={setAnswerKind} options={ANSWER_KINDS.map((k) => [k, ANSWER_KIND_LABEL[k]] as const)} error={fields.answerKind} />
        )}
      </div>
      <Field id="question-tags" label="Tags (comma-separated)" value={tags} onChange={(e) => setTags(e.target.value)} error={fields.tags ?? Object.entries(fields).find(([k]) => k.startsWith('tags.'))?.[1]} />
      {message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}
      <UnsavedNote id="unsaved-question-parts" parts={unsaved} />
      <Button id="question-save" type="submit" disabled={pending} aria-describedby={unsaved.length > 0 ? 'unsaved-question-parts' : undefined}>{pending ? 'Saving…' : question ? 'Save question' : 'Create draft question'}</Button>
    </form>
  );
}
