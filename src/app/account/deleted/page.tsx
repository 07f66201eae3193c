import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Account deleted' };

// Where deleting an account ends (delete-account-form.tsx): it signs out and comes here, so the
// person sees that it worked instead of a home page that looks as if nothing happened. The page
// reads nothing and names no one: anyone may open it.
export default function AccountDeletedPage() {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-3xl font-bold tracking-tight">Your account was deleted</h1>
      <p className="text-slate-700 dark:text-slate-300">
        You are signed out, and the account cannot be used to sign in again. Your answers are kept without your name or email, so the public “practiced” counts stay right.
      </p>
      <p>
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">Browse the question bank</Link> or{' '}
        <Link href="/sign-up" className="text-indigo-700 underline dark:text-indigo-300">create a new account</Link>.
      </p>
    </div>
  );
}
