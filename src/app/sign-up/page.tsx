import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { safeCallbackUrl } from '@/lib/safe-callback-url';
import { getSessionUser } from '@/server/auth';

export const metadata: Metadata = { title: 'Create an account' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Create your account</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Unlock the full question bank and practise with graded feedback.</p>
      </div>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
