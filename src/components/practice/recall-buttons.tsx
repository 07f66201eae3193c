'use client';

import { useId, useState } from 'react';
import type { RecallRating } from '@/lib/attempt-view';

const RATINGS: { value: RecallRating; label: string; hint: string }[] = [
  { value: 'AGAIN', label: 'Again', hint: 'could not recall it' },
  { value: 'HARD', label: 'Hard', hint: 'recalled with effort' },
  { value: 'GOOD', label: 'Good', hint: 'recalled it' },
  { value: 'EASY', label: 'Easy', hint: 'knew it cold' },
];

// The candidate's own rating of how well they recalled the answer, stored with the attempt.
// `onRated`: told once it is stored, so the attempt history beside it shows it at once.
// What each rating means is a visible line under the buttons, each button described by its own
// part of it (a `title` tooltip reached neither keyboards, touch screens nor screen readers).
export function RecallButtons({ attemptId, initial, onRated }: { attemptId: string; initial: RecallRating | null; onRated?: (attemptId: string, rating: RecallRating) => void }) {
  const [value, setValue] = useState<RecallRating | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();

  async function rate(rating: RecallRating) {
    setError(null);
    const response = await fetch(`/api/attempts/${attemptId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recall: rating }),
    }).catch(() => null);
    if (response?.ok) {
      setValue(rating);
      onRated?.(attemptId, rating);
    } else setError((await response?.json().catch(() => ({})))?.error ?? 'Could not save your rating. Check your connection and try again.');
  }

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">How well did you recall this?</legend>
      <div className="flex flex-wrap gap-2">
        {RATINGS.map((r) => (
          <button
            key={r.value}
            type="button"
            aria-describedby={`${hintId}-${r.value}`}
            aria-pressed={value === r.value}
            onClick={() => rate(r.value)}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {r.label}
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="recall-hints">
        {RATINGS.map((r, i) => (
          <span key={r.value}>
            {i > 0 ? ' · ' : null}
            <span id={`${hintId}-${r.value}`}>{r.label}: {r.hint}.</span>
          </span>
        ))}
      </p>
      {error ? <p role="alert" className="text-sm text-rose-700">{error}</p> : null}
    </fieldset>
  );
}
