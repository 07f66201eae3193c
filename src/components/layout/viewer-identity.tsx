'use client';

// The reader's name in the header, and the Admin link for admins. A page rendered for the reader
// passes them in; the member copy of a cached page (docs/decisions/017) has no reader, so they are
// read here from GET /api/account after the page arrives.
import Link from 'next/link';
import { signInPath } from '@/lib/sign-in-path';
import { useOwnData } from '@/lib/use-own-data';

export type ViewerIdentityData = { label: string; isAdmin: boolean };

function readIdentity(body: unknown): ViewerIdentityData {
  const { user } = body as { user: { name: string | null; email: string; role: string } };
  return { label: user.name || user.email, isAdmin: user.role === 'ADMIN' };
}

export function ViewerIdentity({ initial }: { initial: ViewerIdentityData | null }) {
  const { data: loaded, failure } = useOwnData(initial ? null : '/api/account', readIdentity);
  const viewer = initial ?? loaded;
  if (!viewer && failure === 'signed-out') {
    // The session ended elsewhere (signed out everywhere, account disabled).
    return (
      <Link href={signInPath(typeof window === 'undefined' ? '/' : window.location.pathname)} className="hover:underline">
        Sign in again
      </Link>
    );
  }
  if (!viewer) return <span className="inline-block w-24" aria-hidden />;
  return (
    <>
      {viewer.isAdmin ? <Link href="/admin" className="hover:underline">Admin</Link> : null}
      {/* Not on a phone: the header would wrap to a fourth row; Account names the reader there. */}
      <span className="hidden text-slate-700 sm:inline dark:text-slate-300" data-testid="signed-in-as">
        {viewer.label}
      </span>
    </>
  );
}
