import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getViewer } from '@/server/viewer';
import { ViewerIdentity } from './viewer-identity';

export async function SiteHeader() {
  // In the member copy of a cached page nobody is known here; ViewerIdentity asks in the browser.
  const { user, signedIn } = await getViewer();
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight no-underline">
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-indigo-600 text-white">R</span>
          Rehearse
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm">
          <Link href="/" className="hover:underline">Question bank</Link>
          {signedIn ? (
            <>
              <Link href="/search" className="hover:underline">Search</Link>
              <Link href="/review" className="hover:underline">Review</Link>
              <Link href="/mock" className="hover:underline">Mock interview</Link>
              <Link href="/progress" className="hover:underline">Progress</Link>
            </>
          ) : null}
          {signedIn ? (
            <>
              <ViewerIdentity initial={user ? { label: user.name || user.email, isAdmin: user.role === 'ADMIN' } : null} />
              <Link href="/account" className="hover:underline">Account</Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="hover:underline">Sign in</Link>
              <Link href="/sign-up" className="rounded-lg bg-indigo-600 px-3 py-1.5 font-medium text-white no-underline hover:bg-indigo-700">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
