'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { focusOnArrival } from '@/components/ui/focus-on-arrival';
import { MOCK_LENGTHS, type MockLength } from '@/server/mock/schemas';

// Pick a topic and a length, then the clock starts on the interview's own page.
export function StartMockForm({ topics }: { topics: { id: string; name: string; questionCount: number }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setStarting(true);
    const response = await fetch('/api/mock-sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ topicId: form.get('topicId'), length: form.get('length') }),
    }).catch(() => null);
    const body = await response?.json().catch(() => ({}));
    if (!response?.ok) {
      setStarting(false);
      setError(body?.error ?? 'Could not start the mock interview. Please try again.');
      return;
    }
    // The interview replaces this form (and the button just pressed): its first question's heading
    // takes focus, instead of focus falling to <body> with nothing said as the clock starts.
    focusOnArrival('mock-question-heading');
    router.push(`/mock/${body.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" aria-label="Start a mock interview">
      <div className="space-y-1">
        <label htmlFor="mock-topic" className="block text-sm font-medium">Topic</label>
        <select id="mock-topic" name="topicId" required className="block w-full rounded-lg border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-900">
          {topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.questionCount} {t.questionCount === 1 ? 'question' : 'questions'})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Length</legend>
        {(Object.keys(MOCK_LENGTHS) as MockLength[]).map((length) => (
          <label key={length} className="flex items-center gap-2 text-sm">
            <input type="radio" name="length" value={length} defaultChecked={length === 'short'} />
            {MOCK_LENGTHS[length].label}
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        The clock starts when you press Start. When time is up, everything you have written so far is submitted; nothing is lost.
      </p>
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-200">{error}</p>
      ) : null}
      <Button type="submit" disabled={starting}>{starting ? 'Starting…' : 'Start the mock interview'}</Button>
    </form>
  );
}
