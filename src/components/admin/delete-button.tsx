'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from './action-result';
import { FormAlert } from '@/components/ui/form-alert';
import { callAction, NO_ANSWER } from './call-action';

// Soft-deletes after a confirmation; attempts are kept. `action` is a server action.
export function DeleteButton({ label, confirmText, action, redirectTo }: {
  label: string;
  confirmText: string;
  action: () => Promise<ActionResult<unknown>>;
  redirectTo: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        className="rounded-lg border border-rose-300 px-4 py-2 text-sm font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-50 dark:border-rose-500/40 dark:text-rose-300 dark:hover:bg-rose-500/10"
        onClick={async () => {
          if (!window.confirm(confirmText)) return;
          setPending(true);
          const result = await callAction(action, NO_ANSWER);
          if (!result.ok) {
            setPending(false);
            return setError(result.error);
          }
          // Still "Deleting…" until the list opens: a second click would only find it gone.
          router.push(redirectTo);
          router.refresh();
        }}
      >
        {pending ? 'Deleting…' : label}
      </button>
      {error ? <FormAlert tone="error">{error}</FormAlert> : null}
    </div>
  );
}
