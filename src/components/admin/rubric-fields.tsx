'use client';

import { slugify } from '@/lib/slugify';
import { numberText, TextArea, TextInput, toNumber } from './inputs';
import { newKey, type ConceptDraft, type MaterialDraft } from './material-draft';
import { SMALL_BUTTON_CLASS } from './styles';

// The alternatives syntax the rubric grader expands (src/grading/written/expand-phrasing.ts).
const PHRASING_HINT = 'Alternatives: "roll back|revert", "(small|tiny) share of traffic"; optional words: "(canary )?weight to zero".';

type Rubric = NonNullable<MaterialDraft['rubric']>;
type Err = (path: string) => string | undefined;

const emptyConcept = (): ConceptDraft => ({ key: newKey(), id: '', name: '', weight: 1, description: '', phrasings: '', followUp: '', rest: {} });

// The rubric of a written question: its pass mark and its concepts (weight, description, the
// phrasings that show a concept is covered, and the follow-up an interviewer would ask).
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
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold">Rubric</legend>
      <div className="max-w-xs">
        <TextInput id="rubric-pass-score" type="number" label="Pass score (0–100)" value={numberText(rubric.passScore)} onChange={(v) => onChange({ ...rubric, passScore: toNumber(v) })} error={err(`${base}.passScore`)} />
      </div>
      {err(`${base}.concepts`) ? <p className="text-sm text-rose-700 dark:text-rose-400">{err(`${base}.concepts`)}</p> : null}
      <ol className="space-y-4">
        {concepts.map((concept, i) => {
          const at = `${base}.concepts.${i}`;
          const context = `Concept ${i + 1}`;
          return (
            <li key={concept.key} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700" aria-label={`${context}: ${concept.name || 'unnamed'}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h4 className="font-medium">{context}</h4>
                <div className="flex gap-1">
                  <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move concept ${i + 1} up`}>↑</button>
                  <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => move(i, 1)} disabled={i === concepts.length - 1} aria-label={`Move concept ${i + 1} down`}>↓</button>
                  <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => onChange({ ...rubric, concepts: concepts.filter((_, j) => j !== i) })} aria-label={`Remove concept ${i + 1}`}>Remove</button>
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
              <TextArea id={`concept-${i}-phrasings`} context={context} label="Phrasings (one per line)" hint={PHRASING_HINT} rows={3} value={concept.phrasings} error={err(`${at}.phrasings`) ?? err(`${at}.phrasings.0`)} onChange={(phrasings) => setConcept(i, { phrasings })} />
              <TextInput id={`concept-${i}-follow-up`} context={context} label="Follow-up question" value={concept.followUp} error={err(`${at}.followUp`)} onChange={(followUp) => setConcept(i, { followUp })} />
            </li>
          );
        })}
      </ol>
      <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => onChange({ ...rubric, concepts: [...concepts, emptyConcept()] })}>Add concept</button>
    </fieldset>
  );
}
