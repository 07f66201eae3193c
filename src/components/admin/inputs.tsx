'use client';

import type { ReactNode } from 'react';
import { describedBy, FieldError } from './field-error';
import { CODE_CLASS, INPUT_CLASS, LABEL_CLASS } from './styles';

// Labelled controls for the material editor. `context` is read by screen readers (and tests)
// before the visible label, so "Weight" in the second concept is announced "Concept 2 weight".
type Common = { id: string; label: ReactNode; context?: string; error?: string };

function Label({ id, label, context }: Common) {
  return (
    <label htmlFor={id} className={LABEL_CLASS}>
      {context ? <span className="sr-only">{context} </span> : null}
      {label}
    </label>
  );
}

// `hint`: a line under the box (read after the label by screen readers through aria-describedby).
export function TextInput({ value, onChange, type = 'text', readOnly = false, hint, ...common }: Common & { value: string | number; onChange: (value: string) => void; type?: 'text' | 'number'; readOnly?: boolean; hint?: string }) {
  const described = describedBy(common.id, common.error)['aria-describedby'];
  const hintId = `${common.id}-hint`;
  return (
    <div className="space-y-1">
      <Label {...common} />
      <input id={common.id} type={type} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} className={readOnly ? `${INPUT_CLASS} bg-slate-100 dark:bg-slate-800` : INPUT_CLASS} {...describedBy(common.id, common.error)} {...(hint ? { 'aria-describedby': [hintId, described].filter(Boolean).join(' ') } : {})} />
      {hint ? <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      <FieldError id={common.id} message={common.error} />
    </div>
  );
}

// `hint`: a line between the label and the box, read after the label as the TextInput's is (the
// phrasing syntax, what anchor terms do, that the tests are the built-in ones).
export function TextArea({ value, onChange, rows = 4, code = false, hint, ...common }: Common & { value: string; onChange: (value: string) => void; rows?: number; code?: boolean; hint?: string }) {
  const described = describedBy(common.id, common.error)['aria-describedby'];
  const hintId = `${common.id}-hint`;
  return (
    <div className="space-y-1">
      <Label {...common} />
      {hint ? <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      <textarea id={common.id} rows={rows} value={value} spellCheck={!code} onChange={(e) => onChange(e.target.value)} className={code ? CODE_CLASS : INPUT_CLASS} {...describedBy(common.id, common.error)} {...(hint ? { 'aria-describedby': [hintId, described].filter(Boolean).join(' ') } : {})} />
      <FieldError id={common.id} message={common.error} />
    </div>
  );
}

// A number typed into a box: kept as the number when it is one, so zod can say what is wrong.
export const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
export const numberText = (n: number) => (Number.isNaN(n) ? '' : String(n));
