import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';
import { env } from '@/server/env';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-semibold">Forgot your password?</h1>
      {env.SMTP_URL ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">Enter the email you signed up with and we will send you a link to choose a new password.</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="text-sm">This site does not send email. Ask an admin for a one-time reset link.</p>
      )}
      <p className="text-sm"><Link href="/sign-in" className="text-indigo-700 hover:underline dark:text-indigo-300">Back to sign in</Link></p>
    </div>
  );
}
