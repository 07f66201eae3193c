'use client';

import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

export function DeleteAccountForm({ email }: { email: string }) {
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      setBusy(false);
      setError((await response?.json().catch(() => null))?.error ?? 'Could not delete your account. Please try again.');
      return;
    }
    await signOut({ callbackUrl: '/' });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label className="block space-y-1 text-sm font-medium">
        <span>Type your email address ({email}) to confirm</span>
        <input
          type="email"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="off"
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      {error ? <p role="alert" className="text-sm text-rose-800 dark:text-rose-200">{error}</p> : null}
      <button type="submit" disabled={busy} className="rounded-lg bg-rose-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-rose-800 disabled:cursor-not-allowed disabled:bg-rose-400">
        {busy ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
