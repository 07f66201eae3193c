'use client';

import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';

const ERROR_ID = 'delete-account-error';

export function DeleteAccountForm({ email }: { email: string }) {
  const [confirm, setConfirm] = useState('');
  // `aboutConfirm`: the message is about the typed email (the box is marked and focused), not the
  // request as a whole.
  const [error, setError] = useState<{ text: string; aboutConfirm: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const response = await fetch('/api/account', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirm }),
    }).catch(() => null);
    if (!response?.ok) {
      const body = await response?.json().catch(() => null);
      setBusy(false);
      // A schema refusal's body.error prefixes the field's name ("confirm: Type your email…",
      // src/server/http.ts): show the field's own sentence from body.fields instead. The verb's
      // refusal (not your email) is already a sentence, fuller than its field message.
      const confirmMessage: unknown = body?.fields?.confirm;
      const text = typeof confirmMessage === 'string' && body?.error === `confirm: ${confirmMessage}` ? confirmMessage : body?.error;
      setError({ text: text ?? 'Could not delete your account. Please try again.', aboutConfirm: Boolean(confirmMessage) });
      focusFirstError();
      return;
    }
    // Signed out, to a page that says the account is gone (the home page looked as if nothing had happened).
    await signOut({ callbackUrl: '/account/deleted' });
  }

  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-3">
      <label className="block space-y-1 text-sm font-medium">
        <span>Type your email address ({email}) to confirm</span>
        <input
          type="email"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="off"
          aria-invalid={error?.aboutConfirm ? true : undefined}
          aria-describedby={error?.aboutConfirm ? ERROR_ID : undefined}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      {error ? <p id={ERROR_ID} role="alert" tabIndex={-1} className="text-sm text-rose-800 dark:text-rose-200">{error.text}</p> : null}
      <button type="submit" disabled={busy} className="rounded-lg bg-rose-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-rose-800 disabled:cursor-not-allowed disabled:bg-rose-400">
        {busy ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
