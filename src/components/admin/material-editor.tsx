'use client';

import type { HarnessSpec } from '@/grading/harnesses/harness-spec';
import type { AnswerKindCode } from '@/lib/labels';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { saveMaterialAction } from '@/app/admin/actions/questions';
import { Button } from '@/components/ui/button';
import { SaveMaterialSchema, type Material } from '@/server/curation/schemas';
import { fieldErrors } from '@/lib/field-errors';
import { CalibrationFields } from './calibration-fields';
import { FormAlert } from '@/components/ui/form-alert';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { HarnessFields } from './harness-fields';
import { jsonNestingDepth, MAX_JSON_NESTING, tooDeepMessage } from '@/lib/json-nesting';
import type { CodeAnswerKind } from '@/grading/code/code-kind';
import { MarkdownEditor } from './markdown-editor';
import { fromDraft, toDraft, type MaterialDraft } from './material-draft';
import { RubricFields } from './rubric-fields';
import { SPEC_FIELD, specProblems } from './spec-problems';
import { MATERIAL_SECTION, useReportUnsaved } from './unsaved-changes';
import { unsavedMaterialParts } from './unsaved-parts';
import { errorMessage } from '@/lib/error-message';
import { UnsavedNote } from './unsaved-note';
import { callAction } from './call-action';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';

type Props = {
  questionId: string;
  slug: string;
  answerKind: AnswerKindCode;
  version: number;
  isPublished: boolean;
  material: Material;
  // What this material is (materialRevision): sent with a save, which is refused if someone else
  // has saved since.
  revision: string;
  // The spec the version is graded with (stored or built in), for a harness built from one.
  harnessSpec: { spec: HarnessSpec; isBuiltIn: boolean } | null;
};

type Message = { tone: 'error' | 'success'; text: string };
const SAVE_ID = 'material-save';
// A save may remount the editor (the page keys it by version, harness name and answer kind),
// which would drop its "Saved draft version 2" message: the message waits here for the editor
// showing the revision it saved, whether that is a new editor or this one once the page refreshed.
const savedMessages = new Map<string, Message & { revision: string }>();

// Edits the newest version's grading material. Saving a published version makes a new draft
// version; saving a draft updates it. Either way it must be validated again before publishing.
export function MaterialEditor({ questionId, slug, answerKind, version, isPublished, material, revision, harnessSpec }: Props) {
  const router = useRouter();
  const isWritten = answerKind === 'WRITTEN';
  const [draft, setDraft] = useState<MaterialDraft>(() => toDraft(material, { slug, version, isWritten, spec: harnessSpec }));
  // The draft as last saved (or opened): what differs from it is unsaved.
  const [savedDraft, setSavedDraft] = useState(draft);
  const unsaved = useMemo(() => unsavedMaterialParts(draft, savedDraft, isWritten), [draft, savedDraft, isWritten]);
  useReportUnsaved(MATERIAL_SECTION, unsaved);
  // What the draft was based on: the page's revision when opened, then each save's own.
  const [basedOn, setBasedOn] = useState(revision);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(() => {
    const saved = savedMessages.get(questionId);
    return saved?.revision === revision ? { tone: saved.tone, text: saved.text } : null;
  });
  const focusBack = useFocusAfterRender({ onlyIfLost: true });
  // Taken once the page shows the saved revision (not in the initializer, which React may call twice).
  // A save that made a new version remounts the editor and its Save button with it: the new button
  // takes the focus the old one had.
  useEffect(() => {
    if (savedMessages.get(questionId)?.revision !== revision) return;
    savedMessages.delete(questionId);
    focusBack(SAVE_ID);
  }, [questionId, revision, focusBack]);
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();
  const patch = (next: Partial<MaterialDraft>) => setDraft((d) => ({ ...d, ...next }));
  const err = (path: string) => fields[path];
  // Every problem in the spec, one per line (shown as a list), each named by its field in the JSON
  // shown ("cases.3.expected").
  const specError = specProblems(fields).join('\n');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // A message from an earlier save never outlives the next attempt.
    setMessage(null);
    let specDocument: unknown;
    if (!isWritten && draft.spec) {
      try {
        // Checked before parsing: the schemas that read the parsed tests recurse (json-nesting.ts).
        if (!draft.spec.text.trim()) throw new EmptySpec();
        if (jsonNestingDepth(draft.spec.text) > MAX_JSON_NESTING) throw new TooDeep();
        specDocument = JSON.parse(draft.spec.text);
      } catch (error) {
        const problem =
          error instanceof EmptySpec ? EMPTY_SPEC_MESSAGE : error instanceof TooDeep ? tooDeepMessage('The tests') : `The tests are not valid JSON: ${errorMessage(error)}.`;
        setFields({ [SPEC_FIELD]: problem });
        setMessage({ tone: 'error', text: 'Some fields need attention: see the messages below them.' });
        focusFirstError();
        return;
      }
    }
    const input = { questionId, material: fromDraft(draft, isWritten, specDocument), basedOn };
    const parsed = SaveMaterialSchema.safeParse(input);
    if (!parsed.success) {
      setFields(fieldErrors(parsed.error));
      setMessage({ tone: 'error', text: 'Some fields need attention: see the messages below them.' });
      focusFirstError();
      return;
    }
    // The server takes at most 1 MB in one request and refuses more before any of our code runs:
    // say so here, where the admin can still shorten something, instead of a save that never answers.
    const bytes = new TextEncoder().encode(JSON.stringify(input)).length;
    if (bytes > MAX_SAVE_BYTES) {
      setFields({});
      setMessage({ tone: 'error', text: tooLargeMessage(bytes, isWritten) });
      return;
    }
    setPending(true);
    const result = await callAction(() => saveMaterialAction(input));
    setPending(false);
    if (!result.ok) {
      setFields(result.fields);
      setMessage({ tone: 'error', text: result.error });
      focusFirstError();
      return;
    }
    setFields({});
    const { version: saved, created, changed, revision: next } = result.value;
    setBasedOn(next);
    setSavedDraft(draft);
    const savedMessage: Message = {
      tone: 'success',
      text: !changed ? 'Nothing changed.' : created ? `Saved as draft version ${saved}. Validate it, then publish.` : `Saved draft version ${saved}. Validate it, then publish.`,
    };
    setMessage(savedMessage);
    focusBack(SAVE_ID);
    if (changed) savedMessages.set(questionId, { ...savedMessage, revision: next });
    router.refresh();
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Grading material">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {isPublished
          ? `Version ${version} is published: saving changes creates draft version ${version + 1}; candidates keep practising version ${version} until it is published.`
          : `Version ${version} is a draft: saving updates it.`}
      </p>
      {isWritten && draft.rubric ? (
        <>
          <RubricFields rubric={draft.rubric} onChange={(rubric) => patch({ rubric })} err={err} />
          <CalibrationFields samples={draft.samples} onChange={(samples) => patch({ samples })} err={err} />
        </>
      ) : (
        <HarnessFields draft={draft} onChange={patch} err={err} specError={specError || undefined} hasOwnSpec={harnessSpec !== null && !harnessSpec.isBuiltIn} answerKind={isWritten ? undefined : (answerKind as CodeAnswerKind)} />
      )}
      <MarkdownEditor id="model-answer" label="Model answer (Markdown, shown after a graded attempt)" rows={10} value={draft.modelAnswer} error={err('material.modelAnswer')} onChange={(modelAnswer) => patch({ modelAnswer })} />
      {message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}
      <UnsavedNote id="unsaved-material-parts" parts={unsaved} />
      <Button id={SAVE_ID} type="submit" disabled={pending} aria-describedby={unsaved.length > 0 ? 'unsaved-material-parts' : undefined}>{pending ? 'Saving…' : 'Save material'}</Button>
    </form>
  );
}

// Under the server's 1 MiB request limit, with room for the request's own framing.
export const MAX_SAVE_BYTES = 1_000_000;
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
function tooLargeMessage(bytes: number, isWritten: boolean): string {
  const parts = isWritten ? 'calibration samples or the model answer' : 'known-bad variants, the tests or the model answer';
  return `The grading material is ${megabytes(bytes)} in all; one save can carry at most ${megabytes(MAX_SAVE_BYTES)}. Shorten or remove some of the ${parts}, then save again. Nothing was saved.`;
}

class TooDeep extends Error {}
class EmptySpec extends Error {}
// An empty box is a missing field, not a JSON syntax error ("Unexpected end of JSON input").
const EMPTY_SPEC_MESSAGE = 'Write the tests: the box is empty.';
