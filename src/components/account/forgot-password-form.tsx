'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { fieldErrors } from '@/lib/field-errors';
import { ForgotPasswordSchema } from '@/server/passwords/schemas';

// Asks for a reset link by email. The answer never says whether the email has an account.
export function ForgotPasswordForm() {
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();
  const fail = (message: string | undefined) => {
    setError(message);
    focusFirstError();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    const parsed = ForgotPasswordSchema.safeParse({ email: new FormData(event.currentTarget).get('email') });
    if (!parsed.success) return fail(fieldErrors(parsed.error).email);
    setError(undefined);
    setPending(true);
    const response = await fetch('/api/password-reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(parsed.data) }).catch(() => null);
    const body = (await response?.json().catch(() => ({}))) ?? {};
    setPending(false);
    if (!response?.ok) return fail(body.fields?.email ?? body.error ?? 'Could not send the link. Please try again.');
    setSent(body.message);
  }

  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Forgot password">
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" error={error} />
      {sent ? <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300">{sent} It works once, for 30 minutes.</p> : null}
      <Button type="submit" disabled={pending} className="w-full">{pending ? 'Sending…' : 'Email me a reset link'}</Button>
    </form>
  );
}
