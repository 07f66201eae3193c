'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { useFocusAfterRender } from '@/components/ui/use-focus-after-render';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { fieldErrors } from '@/lib/field-errors';
import { ResetPasswordSchema } from '@/server/passwords/schemas';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/server/users/schemas';

type Errors = Partial<Record<'password' | 'token' | 'form', string>>;

// Chooses a new password with a one-time reset link's token.
export function ResetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [email, setEmail] = useState<string | null>(null);
  // The link cannot be used (unknown, used or expired): the form goes, since no password typed
  // into it could work, and a way to a new link takes its place.
  const [deadLink, setDeadLink] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();
  // The form, its button with it, gives way to a message: focus moves to the message, not <body>.
  const focusAfterRender = useFocusAfterRender();
  const fail = (next: Errors) => {
    setErrors(next);
    focusFirstError();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ResetPasswordSchema.safeParse({ token, password: new FormData(event.currentTarget).get('password') });
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    setErrors({});
    setPending(true);
    const response = await fetch('/api/password-reset/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(parsed.data) }).catch(() => null);
    const body = (await response?.json().catch(() => ({}))) ?? {};
    setPending(false);
    // A 400 without field errors is the link itself (the password's rules come as field errors).
    if (response?.status === 400 && !body.fields && typeof body.error === 'string') {
      setDeadLink(body.error);
      return focusAfterRender('reset-link-dead');
    }
    if (!response?.ok) return fail({ ...(body.fields ?? {}), form: body.fields?.password ? undefined : (body.error ?? 'Could not reset the password. Please try again.') });
    setEmail(body.email);
    focusAfterRender('password-reset-done');
  }

  if (deadLink) {
    return (
      <div id="reset-link-dead" tabIndex={-1} role="alert" className="space-y-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-300">
        <p>{deadLink}</p>
        <p>
          <Link href="/forgot-password" className="font-medium underline">Get a new reset link</Link> or <Link href="/sign-in" className="font-medium underline">sign in</Link> if you remember your password.
        </p>
      </div>
    );
  }
  if (email) {
    return (
      <p role="status" id="password-reset-done" tabIndex={-1} className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300">
        Your password was changed and every session was signed out.{' '}
        <Link href="/sign-in" className="font-medium underline">Sign in</Link> as {email} with the new password.
      </p>
    );
  }
  const form = errors.form ?? errors.token;
  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Choose a new password">
      <Field id="password" name="password" type="password" label={`New password (${PASSWORD_MIN}–${PASSWORD_MAX} characters)`} autoComplete="new-password" error={errors.password} />
      {form ? <FormAlert tone="error">{form}</FormAlert> : null}
      <Button type="submit" disabled={pending} className="w-full">{pending ? 'Saving…' : 'Set new password'}</Button>
    </form>
  );
}
