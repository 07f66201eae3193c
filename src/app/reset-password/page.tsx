import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/account/reset-password-form';
import { ResetTokenSchema } from '@/server/passwords/schemas';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = ResetTokenSchema.safeParse((await searchParams).token);
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      {token.success ? (
        <ResetPasswordForm token={token.data} />
      ) : (
        <p role="alert" className="text-sm">
          This reset link is incomplete: open it exactly as it was sent, or <Link href="/forgot-password" className="text-indigo-700 hover:underline dark:text-indigo-300">ask for a new one</Link>.
        </p>
      )}
    </div>
  );
}
