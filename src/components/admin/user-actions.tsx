'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { issueResetLinkAction, setUserDisabledAction, setUserRoleAction } from '@/app/admin/actions/users';
import { WrappingEmail } from '@/components/ui/wrapping-email';
import { FormAlert } from '@/components/ui/form-alert';
import { SMALL_BUTTON_CLASS } from './styles';
import { formatUtcTime } from '@/lib/format-utc-time';
import type { ActionResult } from './action-result';
import { callAction, NO_ANSWER } from './call-action';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';

type Props = { user: { id: string; email: string; role: 'ADMIN' | 'CANDIDATE'; disabled: boolean }; isSelf: boolean };

// One account's controls: promote or demote, disable or enable, and issue a one-time reset link
// (shown once, to copy). Your own account has none, so nobody demotes or locks themselves out.
export function UserActions({ user, isSelf }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // The buttons disable themselves while they work, which drops focus to <body>: it comes back to
  // the button pressed (its label may have changed: Make admin → Make candidate), to the error, or
  // to the new reset link, selected to copy.
  const focusBack = useFocusAfterRender({ onlyIfLost: true });
  const ids = { role: `user-${user.id}-role`, disabled: `user-${user.id}-disabled`, link: `user-${user.id}-link`, error: `user-${user.id}-error` };
  if (isSelf) return <span className="text-xs text-slate-500 dark:text-slate-400">You (another admin can change this account)</span>;

  async function run(button: string, action: () => Promise<ActionResult<unknown>>, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setPending(true);
    setError(null);
    const result = await callAction(action, NO_ANSWER);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return focusBack(ids.error);
    }
    focusBack(button);
    router.refresh();
  }

  async function issueLink() {
    setPending(true);
    setError(null);
    setCopied(null);
    const result = await callAction(() => issueResetLinkAction(user.id), NO_ANSWER);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return focusBack(ids.error);
    }
    setLink({ url: new URL(result.value.path, window.location.origin).toString(), expiresAt: result.value.expiresAt });
    focusBack(ids.link);
  }

  // The clipboard is there only on a secure page (https or localhost); elsewhere, or when the
  // browser refuses, say so instead of a button that does nothing.
  async function copyLink(url: string) {
    const done = await navigator.clipboard?.writeText(url).then(() => true, () => false);
    setCopied(done ? 'Copied.' : 'This browser did not let the page copy: the link is selected above, copy it with Ctrl+C (⌘C on a Mac).');
    if (!done) {
      const box = document.getElementById(ids.link);
      if (box instanceof HTMLInputElement) {
        box.focus();
        box.select();
      }
    }
  }

  const promote = user.role !== 'ADMIN';
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button
          id={ids.role}
          type="button"
          className={SMALL_BUTTON_CLASS}
          disabled={pending}
          aria-label={`${promote ? 'Make admin' : 'Make candidate'}: ${user.email}`}
          onClick={() => run(ids.role, () => setUserRoleAction({ userId: user.id, role: promote ? 'ADMIN' : 'CANDIDATE' }), promote ? `Make ${user.email} an admin?` : `Remove admin rights from ${user.email}?`)}
        >
          {promote ? 'Make admin' : 'Make candidate'}
        </button>
        <button
          id={ids.disabled}
          type="button"
          className={SMALL_BUTTON_CLASS}
          disabled={pending}
          aria-label={`${user.disabled ? 'Enable' : 'Disable'}: ${user.email}`}
          onClick={() => run(ids.disabled, () => setUserDisabledAction({ userId: user.id, disabled: !user.disabled }), user.disabled ? undefined : `Disable ${user.email}? They are signed out everywhere at once.`)}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        <button type="button" className={SMALL_BUTTON_CLASS} disabled={pending || user.disabled} aria-label={`Reset link: ${user.email}`} onClick={issueLink}>
          Reset link
        </button>
      </div>
      {error ? (
        <div id={ids.error} tabIndex={-1}>
          <FormAlert tone="error">{error}</FormAlert>
        </div>
      ) : null}
      {link ? (
        <div role="status" className="space-y-1 rounded-lg bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
          <p>One-time reset link for <WrappingEmail email={user.email} />, valid until {formatUtcTime(link.expiresAt)} UTC. It is shown only now: copy it and send it to them.</p>
          <input id={ids.link} readOnly aria-label={`Reset link for ${user.email}`} value={link.url} onFocus={(e) => e.currentTarget.select()} className="w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono dark:bg-slate-900" />
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className={SMALL_BUTTON_CLASS} onClick={() => copyLink(link.url)} aria-label={`Copy link: ${user.email}`}>Copy</button>
            {copied ? <span>{copied}</span> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
