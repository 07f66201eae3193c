'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { missingSignInFields, type SignInFieldErrors } from '@/lib/missing-sign-in-fields';

// One message for a wrong email or a wrong password: nobody learns which accounts exist.
const GENERIC_FAILURE = 'Wrong email or password.';

export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<SignInFieldErrors>({});
  const [pending, setPending] = useState(false);
  const { ref, focusFirstError } = useFocusFirstError();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setError(null);
    const empty = missingSignInFields(email, password);
    setMissing(empty);
    if (empty.email || empty.password) {
      focusFirstError();
      return;
    }
    setPending(true);
    const result = await signIn('credentials', {
      email,
      password,
      redirect: false,
      callbackUrl,
    }).catch(() => 'unreachable' as const);
    setPending(false);
    if (result === 'unreachable') {
      setError('Could not reach Rehearse. Check your connection and try again.');
      focusFirstError();
      return;
    }
    if (!result || result.error) {
      // A throttled sign-in carries its own message ("Try again in N seconds").
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : GENERIC_FAILURE);
      focusFirstError();
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form ref={ref} onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="email" name="email" type="email" label="Email" autoComplete="email" required error={missing.email} />
        <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required error={missing.password} />
        {error ? <FormAlert tone="error">{error}</FormAlert> : null}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {providers.length > 0 ? (
        <div className="space-y-2">
          {providers.map((p) => (
            <Button key={p.id} variant="secondary" className="w-full" onClick={() => signIn(p.id, { callbackUrl })}>
              Continue with {p.name}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        New here?{' '}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Create an account
        </Link>
      </p>
    </div>
  );
}
