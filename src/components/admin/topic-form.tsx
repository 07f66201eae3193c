'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { createTopicAction, updateTopicAction } from '@/app/admin/actions/topics';
import { Button } from '@/components/ui/button';
import type { ActionResult } from './action-result';
import { callAction } from './call-action';
import { Field } from '@/components/ui/field';
import { slugify } from '@/lib/slugify';
import { TopicInputSchema } from '@/server/curation/schemas';
import { fieldErrors } from '@/lib/field-errors';
import { describedBy, FieldError } from './field-error';
import { FormAlert } from '@/components/ui/form-alert';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { INPUT_CLASS, LABEL_CLASS } from './styles';
import { TOPIC_SECTION, useReportUnsaved } from './unsaved-changes';
import { UnsavedNote } from './unsaved-note';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';
import { unsavedTopicParts, type TopicFields } from './unsaved-parts';

// `revision`: what the form opened (topicRevision); a save based on fields someone else has changed
// since is refused, and the form keeps the admin's edits beside the message.
type Topic = { id: string; slug: string; name: string; description: string; published: boolean; revision: string };

// Creates a topic (a draft unless "Published" is ticked) or edits one.
export function TopicForm({ topic }: { topic?: Topic }) {
  const router = useRouter();
  const [name, setName] = useState(topic?.name ?? '');
  const [slug, setSlug] = useState(topic?.slug ?? '');
  const [slugEdited, setSlugEdited] = useState(Boolean(topic));
  const [description, setDescription] = useState(topic?.description ?? '');
  const [published, setPublished] = useState(topic?.published ?? false);
  const [basedOn, setBasedOn] = useState(topic?.revision);
  // The fields as last saved (or opened): what differs from them is unsaved, and leaving asks first.
  const [saved, setSaved] = useState<TopicFields>({ name, slug, description, published });
  const unsaved = useMemo(() => unsavedTopicParts({ name, slug, description, published }, saved), [name, slug, description, published, saved]);
  useReportUnsaved(TOPIC_SECTION, unsaved);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();
  const focusBack = useFocusAfterRender({ onlyIfLost: true });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { name, slug, description, published };
    const parsed = TopicInputSchema.safeParse(input);
    if (!parsed.success) {
      setFields(fieldErrors(parsed.error));
      setMessage({ tone: 'error', text: 'Some fields need attention.' });
      focusFirstError();
      return;
    }
    setPending(true);
    const result: ActionResult<{ id: string; revision?: string }> = await callAction(() => (topic ? updateTopicAction(topic.id, { ...parsed.data, basedOn }) : createTopicAction(parsed.data)));
    if (!result.ok) {
      setPending(false);
      setFields(result.fields);
      setMessage({ tone: 'error', text: result.error });
      focusFirstError();
      return;
    }
    setFields({});
    setSaved({ name, slug, description, published });
    if (topic) {
      setPending(false);
      setBasedOn(result.value.revision);
      setMessage({ tone: 'success', text: 'Topic saved.' });
      focusBack('topic-save');
      router.refresh();
    } else {
      // Still "Saving…" until the new topic's page opens: a second click would create it again.
      router.push(`/admin/topics/${result.value.id}`);
    }
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={topic ? 'Edit topic' : 'New topic'}>
      <Field
        id="topic-name"
        label="Name"
        value={name}
        error={fields.name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(slugify(e.target.value));
        }}
      />
      <Field
        id="topic-slug"
        label="Slug (its address: /topics/<slug>)"
        value={slug}
        error={fields.slug}
        onChange={(e) => {
          setSlug(e.target.value);
          setSlugEdited(true);
        }}
      />
      <div className="space-y-1">
        <label htmlFor="topic-description" className={LABEL_CLASS}>Description</label>
        <textarea id="topic-description" rows={5} value={description} onChange={(e) => setDescription(e.target.value)} className={INPUT_CLASS} {...describedBy('topic-description', fields.description)} />
        <FieldError id="topic-description" message={fields.description} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} className="h-4 w-4" />
        Published (candidates can see this topic)
      </label>
      {message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}
      <UnsavedNote id="unsaved-topic-parts" parts={unsaved} />
      <Button id="topic-save" type="submit" disabled={pending} aria-describedby={unsaved.length > 0 ? 'unsaved-topic-parts' : undefined}>{pending ? 'Saving…' : topic ? 'Save topic' : 'Create topic'}</Button>
    </form>
  );
}
