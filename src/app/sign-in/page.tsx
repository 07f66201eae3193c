import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackUrl } from '@/lib/safe-callback-url';
import { enabledOAuthProviders, getSessionUser } from '@/server/auth';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-semibold">Sign in to Rehearse</h1>
      <SignInForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} />
      <p className="text-sm"><Link href="/forgot-password" className="text-indigo-700 hover:underline dark:text-indigo-300">Forgot password?</Link></p>
    </div>
  );
}
