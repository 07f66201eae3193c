'use client';

import { GroupError, groupDescribedBy } from './field-error';
import { numberText, TextArea, TextInput, toNumber } from './inputs';
import { newKey, type SampleDraft } from './material-draft';
import { SMALL_BUTTON_CLASS } from './styles';
import { confirmRemoval, sampleHasContent } from './confirm-removal';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';

type Err = (path: string) => string | undefined;

// Calibration samples: answers with the score band the rubric must give them. Validation grades
// each one and fails, naming the sample, when a score falls outside its band. Samples an
// interviewer scored (at least four) also measure the rubric's agreement with the interviewer.
export function CalibrationFields({ samples, onChange, err }: { samples: SampleDraft[]; onChange: (samples: SampleDraft[]) => void; err: Err }) {
  const set = (index: number, patch: Partial<SampleDraft>) => onChange(samples.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const base = 'material.validation.calibration';
  const focusAfterRender = useFocusAfterRender();
  const remove = (index: number) => {
    const sample = samples[index]!;
    if (!confirmRemoval(`sample ${index + 1}${sample.label.trim() ? ` (“${sample.label.trim()}”)` : ''}`, sampleHasContent(sample))) return;
    onChange(samples.filter((_, j) => j !== index));
    focusAfterRender('add-sample');
  };
  return (
    <fieldset className="space-y-4" {...groupDescribedBy('calibration-samples', err(base))}>
      <legend className="text-lg font-semibold">Calibration samples</legend>
      <GroupError id="calibration-samples" message={err(base)} />
      <ol className="space-y-4">
        {samples.map((sample, i) => {
          const at = `${base}.${i}`;
          const context = `Sample ${i + 1}`;
          return (
            <li key={sample.key} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700" aria-label={`${context}: ${sample.label || 'unlabelled'}`}>
              <div className="flex items-center justify-between">
                <h3 className="font-medium">{context}</h3>
                <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => remove(i)} aria-label={`Remove sample ${i + 1}`}>Remove</button>
              </div>
              <div className="grid gap-3 sm:grid-cols-4">
                <TextInput id={`sample-${i}-label`} context={context} label="Label" value={sample.label} error={err(`${at}.label`)} onChange={(label) => set(i, { label })} />
                <TextInput id={`sample-${i}-min`} context={context} label="Lowest expected score" type="number" value={numberText(sample.min)} error={err(`${at}.band.min`)} onChange={(v) => set(i, { min: toNumber(v) })} />
                <TextInput id={`sample-${i}-max`} context={context} label="Highest expected score" type="number" value={numberText(sample.max)} error={err(`${at}.band.max`)} onChange={(v) => set(i, { max: toNumber(v) })} />
                <TextInput
                  id={`sample-${i}-expert`}
                  context={context}
                  label="Interviewer's score (optional)"
                  type="number"
                  value={sample.expertScore === undefined ? '' : numberText(sample.expertScore)}
                  error={err(`${at}.expertScore`)}
                  onChange={(v) => set(i, { expertScore: v.trim() === '' ? undefined : toNumber(v) })}
                />
              </div>
              <TextArea id={`sample-${i}-answer`} context={context} label="Answer" rows={4} value={sample.answer} error={err(`${at}.answer`)} onChange={(answer) => set(i, { answer })} />
            </li>
          );
        })}
      </ol>
      <button id="add-sample" type="button" className={SMALL_BUTTON_CLASS} onClick={() => onChange([...samples, { key: newKey(), label: '', min: 0, max: 100, answer: '' }])}>Add calibration sample</button>
    </fieldset>
  );
}
