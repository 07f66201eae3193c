'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { unpublishQuestionAction } from '@/app/admin/actions/questions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ValidationOutcome } from '@/server/curation/schemas';
import { FormAlert } from '@/components/ui/form-alert';
import { MATERIAL_SECTION, useUnsavedParts } from './unsaved-changes';
import { validationHeadline } from './validation-headline';
import { formatUtcTime } from '@/lib/format-utc-time';
import { callAction, NO_ANSWER } from './call-action';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';

const MESSAGE_ID = 'validation-message';
const VALIDATE_ID = 'validate-button';

type Props = {
  questionId: string;
  version: number;
  isPublished: boolean;
  questionPublished: boolean;
  validation: ValidationOutcome | null;
  isValidationCurrent: boolean;
  validatedAt: string | null;
};

// Validate (runs the calibration samples, or the reference and known-bad variants in the sandbox),
// then publish: the server refuses to publish material whose current validation has not passed.
export function ValidationPanel({ questionId, version, isPublished, questionPublished, validation, isValidationCurrent, validatedAt }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState<'validate' | 'publish' | 'unpublish' | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  // Both act on the saved material, not on edits still in the editor above.
  const hasUnsaved = useUnsavedParts(MATERIAL_SECTION).length > 0;
  // The buttons disable themselves while they work, and Publish goes once the version is live:
  // focus goes back to Validate after a validation, else to the message that says what happened.
  const focusBack = useFocusAfterRender({ onlyIfLost: true });

  async function post(action: 'validate' | 'publish') {
    if (hasUnsaved) return;
    setBusy(action);
    setMessage(null);
    const response = await fetch(`/api/admin/questions/${questionId}/${action}`, { method: 'POST' }).catch(() => null);
    const body = (await response?.json().catch(() => ({}))) ?? {};
    setBusy(null);
    if (!response?.ok) {
      setMessage({ tone: 'error', text: body.error ?? `Could not ${action} the question. Please try again.` });
      focusBack(MESSAGE_ID);
    } else if (action === 'publish') {
      setMessage({ tone: 'success', text: `Published version ${body.version}. Candidates now practise it.` });
      focusBack(MESSAGE_ID);
    } else {
      focusBack(VALIDATE_ID);
    }
    router.refresh();
  }

  async function unpublish() {
    setBusy('unpublish');
    const result = await callAction(() => unpublishQuestionAction(questionId), NO_ANSWER);
    setBusy(null);
    setMessage(result.ok ? { tone: 'success', text: 'Unpublished: candidates no longer see this question.' } : { tone: 'error', text: result.error });
    focusBack(MESSAGE_ID);
    router.refresh();
  }

  // The version candidates practise now: publishing it again would change nothing.
  const live = isPublished && questionPublished;
  const state = !validation || !isValidationCurrent ? 'stale' : validation.passed ? 'passed' : 'failed';
  // A version published without a validation of its own (seeded or imported content) was never
  // checked; "since the last edit" would suggest an edit that did not happen.
  const staleLabel = !validation && isPublished ? 'Never validated' : 'Not validated since the last edit';
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2" data-testid="validation-state">
        <span className="text-sm">Version {version}:</span>
        {state === 'passed' ? <Badge tone="green">Validation passed</Badge> : state === 'failed' ? <Badge tone="red">Validation failed</Badge> : <Badge tone="amber">{staleLabel}</Badge>}
        {/* The header's badge says whether candidates see the question; this says the same of the version. */}
        {!isPublished ? <Badge>Draft version</Badge> : live ? <Badge tone="indigo">Published version</Badge> : <Badge>Published version, hidden</Badge>}
        {validatedAt && state !== 'stale' ? <span className="text-xs text-slate-500 dark:text-slate-400">checked {formatUtcTime(validatedAt)} UTC</span> : null}
      </div>
      {validation && state !== 'stale' ? (
        <section aria-label="Validation result" data-testid="validation-result" className="space-y-2">
          <p className="text-sm font-medium">{validationHeadline(validation.checks)}</p>
          <ul className="space-y-1 text-sm">
            {validation.checks.map((check, i) => (
              <li key={i} className={check.passed ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}>
                <span aria-hidden>{check.passed ? '✓ ' : '✗ '}</span>
                <span className="sr-only">{check.passed ? 'Passed: ' : 'Failed: '}</span>
                {check.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {message ? (
        <div id={MESSAGE_ID} tabIndex={-1}>
          <FormAlert tone={message.tone}>{message.text}</FormAlert>
        </div>
      ) : null}
      {hasUnsaved ? (
        <p id="unsaved-material-note" className="text-sm text-amber-800 dark:text-amber-300">
          Save your changes first: Validate and Publish check the saved grading material, not the edits above.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button id={VALIDATE_ID} type="button" variant="secondary" onClick={() => post('validate')} disabled={busy !== null || hasUnsaved} aria-describedby={hasUnsaved ? 'unsaved-material-note' : undefined}>{busy === 'validate' ? 'Validating…' : 'Validate'}</Button>
        {live ? null : <Button type="button" onClick={() => post('publish')} disabled={busy !== null || hasUnsaved} aria-describedby={hasUnsaved ? 'unsaved-material-note' : undefined}>{busy === 'publish' ? 'Publishing…' : isPublished ? 'Publish again' : 'Publish'}</Button>}
        {questionPublished ? <Button type="button" variant="secondary" onClick={unpublish} disabled={busy !== null}>{busy === 'unpublish' ? 'Unpublishing…' : 'Unpublish'}</Button> : null}
      </div>
    </div>
  );
}
