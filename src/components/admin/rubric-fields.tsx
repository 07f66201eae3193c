'use client';

import { slugify } from '@/lib/slugify';
import { GroupError, groupDescribedBy } from './field-error';
import { numberText, TextArea, TextInput, toNumber } from './inputs';
import { newKey, type ClaimDraft, type ConceptDraft, type MaterialDraft, type MisconceptionDraft } from './material-draft';
import { SMALL_BUTTON_CLASS } from './styles';
import { claimHasContent, conceptHasContent, confirmRemoval, misconceptionHasContent } from './confirm-removal';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';

// The alternatives syntax the rubric grader expands (src/grading/written/expand-phrasing.ts).
const PHRASING_HINT = 'Alternatives: "roll back|revert", "(small|tiny) share of traffic"; optional words: "(canary )?weight to zero".';

type Rubric = NonNullable<MaterialDraft['rubric']>;
type Err = (path: string) => string | undefined;

const emptyClaim = (): ClaimDraft => ({ key: newKey(), id: '', text: '', weight: 1, phrasings: '', rest: {} });
const emptyMisconception = (): MisconceptionDraft => ({ key: newKey(), id: '', text: '', phrasings: '', correction: '', penalty: 15, contradicts: '', rest: {} });
const emptyConcept = (): ConceptDraft => ({
  key: newKey(),
  id: '',
  name: '',
  weight: 1,
  description: '',
  followUp: '',
  claims: [emptyClaim()],
  misconceptions: [],
  anchors: '',
  rest: {},
});

// The rubric of a written question (format 2, docs/decisions/006): its pass mark and its concepts
// (weight, description, the follow-up an interviewer would ask), each with 1–4 claims and their
// phrasings, the misconceptions it may attract with their corrections, and optional anchor terms.
export function RubricFields({ rubric, onChange, err }: { rubric: Rubric; onChange: (rubric: Rubric) => void; err: Err }) {
  const concepts = rubric.concepts;
  const setConcept = (index: number, patch: Partial<ConceptDraft>) =>
    onChange({ ...rubric, concepts: concepts.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const move = (index: number, by: -1 | 1) => {
    const next = [...concepts];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    onChange({ ...rubric, concepts: next });
  };
  const base = 'material.rubric';
  // The removed item's button goes with it: focus moves to the Add button of its list, not <body>.
  const focusAfterRender = useFocusAfterRender();
  const removeConcept = (index: number) => {
    const concept = concepts[index]!;
    if (!confirmRemoval(`concept ${index + 1}${concept.name.trim() ? ` (“${concept.name.trim()}”)` : ''} with its claims and misconceptions`, conceptHasContent(concept))) return;
    onChange({ ...rubric, concepts: concepts.filter((_, j) => j !== index) });
    focusAfterRender('add-concept');
  };
  return (
    <fieldset className="space-y-4" {...groupDescribedBy('rubric-concepts', err(`${base}.concepts`))}>
      <legend className="text-lg font-semibold">Rubric</legend>
      <div className="max-w-xs">
        <TextInput id="rubric-pass-score" type="number" label="Pass score (0–100)" value={numberText(rubric.passScore)} onChange={(v) => onChange({ ...rubric, passScore: toNumber(v) })} error={err(`${base}.passScore`)} />
      </div>
      <GroupError id="rubric-concepts" message={err(`${base}.concepts`)} />
      <ol className="space-y-4">
        {concepts.map((concept, i) => {
          const at = `${base}.concepts.${i}`;
          const context = `Concept ${i + 1}`;
          return (
            <li key={concept.key} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700" aria-label={`${context}: ${concept.name || 'unnamed'}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-medium">{context}</h3>
                <div className="flex gap-1">
                  <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move concept ${i + 1} up`}>↑</button>
                  <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => move(i, 1)} disabled={i === concepts.length - 1} aria-label={`Move concept ${i + 1} down`}>↓</button>
                  <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => removeConcept(i)} aria-label={`Remove concept ${i + 1}`}>Remove</button>
                </div>
              </div>
              <div className="grid gap-3 sm:grid-cols-3">
                <TextInput
                  id={`concept-${i}-name`}
                  context={context}
                  label="Name"
                  value={concept.name}
                  error={err(`${at}.name`)}
                  onChange={(name) => setConcept(i, { name, ...(concept.id === '' || concept.id === slugify(concept.name) ? { id: slugify(name) } : {}) })}
                />
                <TextInput id={`concept-${i}-id`} context={context} label="ID" value={concept.id} error={err(`${at}.id`)} onChange={(id) => setConcept(i, { id })} />
                <TextInput id={`concept-${i}-weight`} context={context} label="Weight" type="number" value={numberText(concept.weight)} error={err(`${at}.weight`)} onChange={(v) => setConcept(i, { weight: toNumber(v) })} />
              </div>
              <TextInput id={`concept-${i}-description`} context={context} label="Description (why it matters)" value={concept.description} error={err(`${at}.description`)} onChange={(description) => setConcept(i, { description })} />
              <TextInput id={`concept-${i}-follow-up`} context={context} label="Follow-up question" value={concept.followUp} error={err(`${at}.followUp`)} onChange={(followUp) => setConcept(i, { followUp })} />
              <ClaimList concept={concept} i={i} context={context} at={at} err={err} onChange={(patch) => setConcept(i, patch)} />
              <MisconceptionList concept={concept} i={i} context={context} at={at} err={err} onChange={(patch) => setConcept(i, patch)} />
              <TextArea
                id={`concept-${i}-anchors`}
                context={context}
                label="Anchor terms (optional, one per line)"
                hint="When given, a claim counts only in a sentence that mentions one of these."
                rows={2}
                value={concept.anchors}
                error={err(`${at}.anchors`) ?? err(`${at}.anchors.0`)}
                onChange={(anchors) => setConcept(i, { anchors })}
              />
            </li>
          );
        })}
      </ol>
      <button id="add-concept" type="button" className={SMALL_BUTTON_CLASS} onClick={() => onChange({ ...rubric, concepts: [...concepts, emptyConcept()] })}>Add concept</button>
    </fieldset>
  );
}

type ListProps = { concept: ConceptDraft; i: number; context: string; at: string; err: Err; onChange: (patch: Partial<ConceptDraft>) => void };

// Claims: atomic statements, each with its phrasings. Every claim's boxes are labelled with its
// number, the first one's too, so its phrasings read "Concept 1 Claim 1: phrasings" as its
// statement reads "Concept 1 Claim 1: statement".
function ClaimList({ concept, i, context, at, err, onChange }: ListProps) {
  const set = (k: number, patch: Partial<ClaimDraft>) => onChange({ claims: concept.claims.map((c, j) => (j === k ? { ...c, ...patch } : c)) });
  const focusAfterRender = useFocusAfterRender();
  const remove = (k: number) => {
    if (!confirmRemoval(`claim ${k + 1} of concept ${i + 1}`, claimHasContent(concept.claims[k]!))) return;
    onChange({ claims: concept.claims.filter((_, j) => j !== k) });
    focusAfterRender(`add-claim-${i}`);
  };
  return (
    // A group of its own, so a list-level message (no claims, duplicate phrasings) that takes focus
    // is read with the concept it belongs to.
    <div role="group" aria-label={`Claims of concept ${i + 1}`} className="space-y-2" {...groupDescribedBy(`concept-${i}-claims`, err(`${at}.claims`))}>
      <GroupError id={`concept-${i}-claims`} message={err(`${at}.claims`)} />
      {concept.claims.map((claim, k) => {
        const where = `${at}.claims.${k}`;
        return (
          <div key={claim.key} className="space-y-2 rounded border border-slate-100 p-3 dark:border-slate-800">
            <div className="grid gap-2 sm:grid-cols-4">
              <div className="sm:col-span-3">
                <TextInput id={`concept-${i}-claim-${k}-text`} context={context} label={`Claim ${k + 1}: statement`} value={claim.text} error={err(`${where}.text`)} onChange={(text) => set(k, { text })} />
              </div>
              <TextInput id={`concept-${i}-claim-${k}-weight`} context={context} label={`Claim ${k + 1}: weight`} type="number" value={numberText(claim.weight)} error={err(`${where}.weight`)} onChange={(v) => set(k, { weight: toNumber(v) })} />
            </div>
            <TextArea
              id={k === 0 ? `concept-${i}-phrasings` : `concept-${i}-claim-${k}-phrasings`}
              context={context}
              label={`Claim ${k + 1}: phrasings (one per line)`}
              hint={k === 0 ? PHRASING_HINT : undefined}
              rows={3}
              value={claim.phrasings}
              error={err(`${where}.phrasings`) ?? err(`${where}.phrasings.0`)}
              onChange={(phrasings) => set(k, { phrasings })}
            />
            {concept.claims.length > 1 ? (
              <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => remove(k)} aria-label={`Remove claim ${k + 1} of concept ${i + 1}`}>
                Remove claim
              </button>
            ) : null}
          </div>
        );
      })}
      {concept.claims.length < 4 ? (
        <button id={`add-claim-${i}`} type="button" className={SMALL_BUTTON_CLASS} onClick={() => onChange({ claims: [...concept.claims, emptyClaim()] })} aria-label={`Add claim to concept ${i + 1}`}>
          Add claim
        </button>
      ) : null}
    </div>
  );
}

// Misconceptions: wrong statements, how to spot them, the correction the candidate sees, the
// penalty, and the claims they contradict (by id).
function MisconceptionList({ concept, i, context, at, err, onChange }: ListProps) {
  const set = (k: number, patch: Partial<MisconceptionDraft>) => onChange({ misconceptions: concept.misconceptions.map((m, j) => (j === k ? { ...m, ...patch } : m)) });
  const focusAfterRender = useFocusAfterRender();
  const remove = (k: number) => {
    if (!confirmRemoval(`misconception ${k + 1} of concept ${i + 1}`, misconceptionHasContent(concept.misconceptions[k]!))) return;
    onChange({ misconceptions: concept.misconceptions.filter((_, j) => j !== k) });
    focusAfterRender(`add-misconception-${i}`);
  };
  return (
    <div className="space-y-2">
      {concept.misconceptions.map((m, k) => {
        const where = `${at}.misconceptions.${k}`;
        const name = `Misconception ${k + 1}`;
        return (
          <div key={m.key} className="space-y-2 rounded border border-amber-200 p-3 dark:border-amber-900">
            <div className="grid gap-2 sm:grid-cols-3">
              <TextInput id={`concept-${i}-mis-${k}-id`} context={context} label={`${name}: ID`} value={m.id} error={err(`${where}.id`)} onChange={(id) => set(k, { id })} />
              <TextInput id={`concept-${i}-mis-${k}-penalty`} context={context} label={`${name}: penalty (points)`} type="number" value={numberText(m.penalty)} error={err(`${where}.penalty`)} onChange={(v) => set(k, { penalty: toNumber(v) })} />
              <TextArea id={`concept-${i}-mis-${k}-contradicts`} context={context} label={`${name}: contradicted claim IDs`} rows={1} value={m.contradicts} error={err(`${where}.contradicts`) ?? err(`${where}.contradicts.0`)} onChange={(contradicts) => set(k, { contradicts })} />
            </div>
            <TextInput id={`concept-${i}-mis-${k}-text`} context={context} label={`${name}: the wrong statement`} value={m.text} error={err(`${where}.text`)} onChange={(text) => set(k, { text })} />
            <TextArea id={`concept-${i}-mis-${k}-phrasings`} context={context} label={`${name}: phrasings (one per line)`} rows={2} value={m.phrasings} error={err(`${where}.phrasings`) ?? err(`${where}.phrasings.0`)} onChange={(phrasings) => set(k, { phrasings })} />
            <TextInput id={`concept-${i}-mis-${k}-correction`} context={context} label={`${name}: correction shown to the candidate`} value={m.correction} error={err(`${where}.correction`)} onChange={(correction) => set(k, { correction })} />
            <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => remove(k)} aria-label={`Remove misconception ${k + 1} of concept ${i + 1}`}>
              Remove misconception
            </button>
          </div>
        );
      })}
      <button id={`add-misconception-${i}`} type="button" className={SMALL_BUTTON_CLASS} onClick={() => onChange({ misconceptions: [...concept.misconceptions, emptyMisconception()] })} aria-label={`Add misconception to concept ${i + 1}`}>
        Add misconception
      </button>
    </div>
  );
}
