import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { DeleteAccountForm } from '@/components/progress/delete-account-form';
import { requirePageUser } from '@/server/auth';

export const metadata: Metadata = { title: 'Your account and data' };

export default async function AccountPage() {
  const user = await requirePageUser('/account');
  return (
    <div className="max-w-2xl space-y-8">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Your account and data</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Signed in as {user.email}.</p>
      </div>
      <section aria-labelledby="password-heading" className="max-w-sm space-y-4">
        <h2 id="password-heading" className="text-xl font-semibold">Change password</h2>
        <ChangePasswordForm email={user.email} />
      </section>
      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="text-xl font-semibold">Export</h2>
        <p className="text-slate-700 dark:text-slate-300">Everything we keep about you — your account, every answer with its feedback, and what you practised — as one JSON file.</p>
        <a href="/api/account/export" download className="inline-block rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium no-underline hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
          Download my data (JSON)
        </a>
      </section>
      <section aria-labelledby="delete-heading" className="space-y-2">
        <h2 id="delete-heading" className="text-xl font-semibold">Delete your account</h2>
        <p className="text-slate-700 dark:text-slate-300">
          Your account goes for good. Your answers are kept without your name or email, so the public “practiced” counts stay right.
        </p>
        <DeleteAccountForm email={user.email} />
      </section>
    </div>
  );
}
