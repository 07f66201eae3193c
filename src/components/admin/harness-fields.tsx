'use client';

import { Fragment } from 'react';
import { codeKindOf, type CodeAnswerKind, type CodeKind } from '@/grading/code/code-kind';
import { findHarnessListing, HARNESS_LISTINGS } from '@/grading/harnesses/harness-names';
import { GroupError, groupDescribedBy } from './field-error';
import { numberText, TextArea, TextInput, toNumber } from './inputs';
import { MarkdownEditor } from './markdown-editor';
import { newKey, specVersion, withBuiltInTests, withHarnessName, type MaterialDraft, type VariantDraft } from './material-draft';
import { SMALL_BUTTON_CLASS } from './styles';
import { confirmRemoval, variantHasContent } from './confirm-removal';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';

type Err = (path: string) => string | undefined;

const KIT_KIND: Record<string, CodeKind> = { 'python-kit': 'python', 'bash-kit': 'bash' };

// The kind of answer the question takes, so only its harnesses are offered: given, or else that of
// the harness the editor opened with (a saved harness always matches the question), or of its
// tests' kit. Undefined for a new question with neither: every harness is listed.
function harnessKind(draft: MaterialDraft, answerKind?: CodeAnswerKind): CodeKind | undefined {
  if (answerKind) return codeKindOf(answerKind);
  const opened = draft.loaded.harness ? findHarnessListing(draft.loaded.harness.name) : undefined;
  return opened?.kind ?? (draft.loaded.spec ? KIT_KIND[draft.loaded.spec.kit] : undefined);
}

// Where a harness built from a spec has no tests in the box: after choosing another harness, or
// "Use the built-in tests" on the saved one (`hasOwnSpec`).
function builtInTestsNote(draft: MaterialDraft, name: string, version: number, hasOwnSpec: boolean): string {
  if (hasOwnSpec && name === draft.loaded.harness?.name) return `Saving drops this version's own tests: "${name}" then grades with its built-in tests (version ${version}). Reload the page after saving to edit them.`;
  const setAside = Object.entries(draft.setAside).filter(([other, tests]) => other !== name && tests.spec).map(([other]) => `"${other}"`);
  const note = setAside.length > 0 ? ` The tests of ${setAside.join(', ')} are set aside; choose ${setAside.length === 1 ? 'it' : 'one'} again to get them back.` : '';
  return `"${name}" grades with its built-in tests (version ${version}); they show here, to edit, once you save.${note}`;
}

// A code question's harness, the brief candidates see, the starter code, the reference solution
// (must pass every test) and known-bad variants (each must fail at least one).
// `hasOwnSpec`: the saved version stores its own tests (from the page, so it follows each save).
export function HarnessFields({ draft, onChange, err, specError, hasOwnSpec, answerKind }: { draft: MaterialDraft; onChange: (patch: Partial<MaterialDraft>) => void; err: Err; specError?: string; hasOwnSpec: boolean; answerKind?: CodeAnswerKind }) {
  const harness = draft.harness ?? { name: '', version: 1, brief: '' };
  const kind = harnessKind(draft, answerKind);
  const available = HARNESS_LISTINGS.filter((h) => !kind || h.kind === kind).map((h) => h.name);
  const listing = findHarnessListing(harness.name);
  const setVariant = (index: number, patch: Partial<VariantDraft>) =>
    onChange({ variants: draft.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) });
  const focusAfterRender = useFocusAfterRender();
  const removeVariant = (index: number) => {
    const variant = draft.variants[index]!;
    if (!confirmRemoval(`variant ${index + 1}${variant.name.trim() ? ` (“${variant.name.trim()}”)` : ''}`, variantHasContent(variant))) return;
    onChange({ variants: draft.variants.filter((_, j) => j !== index) });
    focusAfterRender('add-variant');
  };
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold">Harness</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <TextInput id="harness-name" label="Harness name" value={harness.name} error={err('material.harness.name') ?? err('material.harness')} onChange={(name) => onChange(withHarnessName(draft, name))} />
          {/* Comma-separated: side by side with only a margin between them, the names ran together as one word in the text a screen reader or a copy gets. */}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="available-harnesses">Available: {available.map((h, i) => <Fragment key={h}>{i > 0 ? ', ' : ''}<code>{h}</code></Fragment>)}</p>
        </div>
        {draft.spec ? (
          // Saving takes the version the tests state (fromDraft), so it is edited there, not here.
          <TextInput id="harness-version" label="Harness version" type="number" readOnly value={numberText(specVersion(draft.spec) ?? harness.version)} hint={'Set by "version" in the tests below: change it there.'} error={err('material.harness.version')} onChange={() => undefined} />
        ) : (
          <TextInput id="harness-version" label="Harness version" type="number" value={numberText(harness.version)} error={err('material.harness.version')} onChange={(v) => onChange({ harness: { ...harness, version: toNumber(v) } })} />
        )}
      </div>
      <MarkdownEditor id="harness-brief" label="Brief shown to candidates (Markdown)" rows={6} value={harness.brief} error={err('material.harness.brief')} onChange={(brief) => onChange({ harness: { ...harness, brief } })} />
      {draft.spec ? (
        <TextArea
          id="harness-spec"
          label="Tests (harness spec, JSON)"
          code
          rows={16}
          value={draft.spec.text}
          hint={
            !hasOwnSpec
              ? `The built-in tests of "${harness.name}". Edit cases (add a hidden case, change an expected value) and save: this version then keeps its own copy. Validate before publishing.`
              : 'This version has its own tests. "Use the built-in tests" below drops them; validate before publishing.'
          }
          error={specError}
          onChange={(text) => draft.spec && onChange({ spec: { ...draft.spec, text } })}
        />
      ) : listing?.kit ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" role="status" data-testid="built-in-tests-note">{builtInTestsNote(draft, harness.name, listing.version, hasOwnSpec)}</p>
      ) : null}
      {draft.spec && hasOwnSpec && listing?.kit ? (
        <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => onChange(withBuiltInTests(draft))}>Use the built-in tests</button>
      ) : null}
      <TextArea id="starter-code" label="Starter code" code rows={8} value={draft.starterCode} error={err('material.starterCode')} onChange={(starterCode) => onChange({ starterCode })} />
      <TextArea id="reference-solution" label="Reference solution (must pass every test)" code rows={10} value={draft.reference} error={err('material.validation.reference')} onChange={(reference) => onChange({ reference })} />
      <fieldset className="space-y-3" {...groupDescribedBy('bad-variants', err('material.validation.badVariants'))}>
        <legend className="font-semibold">Known-bad variants (each must fail at least one test)</legend>
        <GroupError id="bad-variants" message={err('material.validation.badVariants')} />
        <ol className="space-y-3">
          {draft.variants.map((variant, i) => {
            const context = `Variant ${i + 1}`;
            return (
              <li key={variant.key} className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-700" aria-label={`${context}: ${variant.name || 'unnamed'}`}>
                <div className="flex items-end gap-2">
                  <div className="flex-1">
                    <TextInput id={`variant-${i}-name`} context={context} label="Name" value={variant.name} error={err(`material.validation.badVariants.${i}.name`)} onChange={(name) => setVariant(i, { name })} />
                  </div>
                  <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => removeVariant(i)} aria-label={`Remove variant ${i + 1}`}>Remove</button>
                </div>
                <TextArea id={`variant-${i}-code`} context={context} label="Code" code rows={8} value={variant.code} error={err(`material.validation.badVariants.${i}.code`)} onChange={(code) => setVariant(i, { code })} />
              </li>
            );
          })}
        </ol>
        <button id="add-variant" type="button" className={SMALL_BUTTON_CLASS} onClick={() => onChange({ variants: [...draft.variants, { key: newKey(), name: '', code: '' }] })}>Add known-bad variant</button>
      </fieldset>
    </fieldset>
  );
}
