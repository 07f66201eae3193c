import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { requirePageUser } from '@/server/auth';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requirePageUser('/account');
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">Signed in as {user.email}.</p>
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-lg font-semibold">Change password</h2>
        <ChangePasswordForm email={user.email} />
      </section>
    </div>
  );
}
