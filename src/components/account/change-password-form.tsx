'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { fieldErrors } from '@/lib/field-errors';
import { ChangePasswordSchema } from '@/server/passwords/schemas';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/server/users/schemas';

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'form', string>>;

// Changing the password ends every session of the account, this one included; this browser then
// signs in again with the new password, so only the OTHER sessions are gone.
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();
  const focusAfterRender = useFocusAfterRender();
  const fail = (next: Errors) => {
    setErrors(next);
    focusFirstError();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parsed = ChangePasswordSchema.safeParse({ currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword') });
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    setErrors({});
    setPending(true);
    const response = await fetch('/api/account/password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(parsed.data) }).catch(() => null);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => ({}))) ?? {};
      setPending(false);
      return fail({ ...(body.fields ?? {}), form: body.fields ? undefined : (body.error ?? 'Could not change the password. Please try again.') });
    }
    const result = await signIn('credentials', { email, password: parsed.data.newPassword, redirect: false }).catch(() => null);
    setPending(false);
    if (!result || result.error) return fail({ form: 'Your password was changed, but signing in again failed. Please sign in with the new password.' });
    formElement.reset();
    setDone(true);
    // The button was disabled while changing, so focus fell to <body>: the confirmation takes it.
    focusAfterRender('password-changed');
    router.refresh();
  }

  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Change password">
      <Field id="currentPassword" name="currentPassword" type="password" label="Current password" autoComplete="current-password" error={errors.currentPassword} />
      <Field id="newPassword" name="newPassword" type="password" label={`New password (${PASSWORD_MIN}–${PASSWORD_MAX} characters)`} autoComplete="new-password" error={errors.newPassword} />
      {errors.form ? <FormAlert tone="error">{errors.form}</FormAlert> : null}
      {done ? <p role="status" id="password-changed" tabIndex={-1} className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300">Password changed. Every other session was signed out.</p> : null}
      <Button type="submit" disabled={pending}>{pending ? 'Changing…' : 'Change password'}</Button>
    </form>
  );
}
