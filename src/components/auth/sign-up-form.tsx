'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { ACCOUNT_EXISTS, SIGN_IN_INSTEAD } from '@/lib/account-exists-message';
import { fieldErrors } from '@/lib/field-errors';
import { PASSWORD_MAX, PASSWORD_MIN, RegisterSchema } from '@/server/users/schemas';

type Errors = Partial<Record<'email' | 'password' | 'name' | 'form', string>> & { taken?: boolean };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: form.get('email'), password: form.get('password'), name: form.get('name') || undefined };
    // The same schema the server uses, so messages match; the server checks again.
    const parsed = RegisterSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      focusFirstError();
      return;
    }
    setPending(true);
    setErrors({});
    const response = await fetch('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(parsed.data),
    }).catch(() => null);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => ({}))) ?? {};
      setPending(false);
      // 409: the email has an account. The alert says so and its link is the way on ("Sign in
      // instead"), rather than the server's sentence that says it, followed by a second link.
      const taken = response?.status === 409;
      setErrors({ ...(body.fields ?? {}), form: taken ? ACCOUNT_EXISTS : (body.error ?? 'Could not create the account. Please try again.'), taken });
      focusFirstError();
      return;
    }
    const result = await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false }).catch(() => null);
    setPending(false);
    if (!result || result.error) {
      setErrors({ form: 'Your account was created, but signing in failed. Please sign in.' });
      focusFirstError();
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form ref={ref} onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="name" name="name" label="Name (optional)" autoComplete="name" error={errors.name} />
        <Field id="email" name="email" type="email" label="Email" autoComplete="email" required error={errors.email} />
        <Field
          id="password"
          name="password"
          type="password"
          label={`Password (${PASSWORD_MIN}–${PASSWORD_MAX} characters)`}
          autoComplete="new-password"
          required
          error={errors.password}
        />
        {errors.form ? (
          <FormAlert tone="error">
            {errors.form}
            {errors.taken ? (
              <>
                {' '}
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium underline">
                  {SIGN_IN_INSTEAD}
                </Link>
              </>
            ) : null}
          </FormAlert>
        ) : null}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? 'Creating your account…' : 'Create account'}
        </Button>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{' '}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Sign in
        </Link>
      </p>
    </div>
  );
}
