import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getSessionUser } from '@/server/auth';

export const metadata: Metadata = { title: 'Sign out' };

// next-auth sends a visitor here (authOptions.pages.signOut) when a sign-out could not be done
// at once, e.g. its CSRF token was stale: one click confirms it.
export default async function SignOutPage() {
  const user = await getSessionUser();
  if (!user) redirect('/');
  return (
    <div className="mx-auto max-w-sm space-y-4 py-8">
      <h1 className="text-2xl font-semibold">Sign out of Rehearse?</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">You are signed in as {user.email}.</p>
      <SignOutButton variant="button" />
    </div>
  );
}
