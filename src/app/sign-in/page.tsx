import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SignInReasonNote } from '@/components/auth/sign-in-reason-note';
import { FormAlert } from '@/components/ui/form-alert';
import { safeCallbackUrl } from '@/lib/safe-callback-url';
import { signInErrorMessage } from '@/lib/sign-in-error-message';
import { signInReason } from '@/lib/sign-in-reason';
import { enabledOAuthProviders, getSessionUser } from '@/server/auth';
import { env } from '@/server/env';

export const metadata: Metadata = { title: 'Sign in' };

// next-auth sends a failed OAuth sign-in, a disabled account and its own errors here with
// `?error=<code>` (authOptions.pages.error); our own redirects may say why with `?reason=<code>`.
type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string | string[]; reason?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const problem = signInErrorMessage(params.error);
  const reason = signInReason(params.reason);
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-semibold">Sign in to Rehearse</h1>
      {reason ? <SignInReasonNote reason={reason} callbackUrl={callbackUrl} /> : null}
      {problem ? <FormAlert tone="error">{problem}</FormAlert> : null}
      <SignInForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} />
      {/* Without email (no SMTP_URL) the way back in is an admin's reset link: said here rather than
          behind a link to a page that can only say so. */}
      {env.SMTP_URL ? (
        <p className="text-sm"><Link href="/forgot-password" className="text-indigo-700 hover:underline dark:text-indigo-300">Forgot password?</Link></p>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="forgot-password-no-email">Forgot your password? Ask an admin for a one-time reset link.</p>
      )}
    </div>
  );
}
