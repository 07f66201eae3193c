'use client';

// The reader's name in the header, and the Admin link for admins. A page rendered for the reader
// passes them in; the member copy of a cached page (docs/decisions/017) has no reader, so they are
// read here from GET /api/account after the page arrives.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { signInPath } from '@/lib/sign-in-path';

export type ViewerIdentityData = { label: string; isAdmin: boolean };

type Loaded = ViewerIdentityData | 'signed-out' | null;

export function ViewerIdentity({ initial }: { initial: ViewerIdentityData | null }) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    if (initial) return;
    const controller = new AbortController();
    fetch('/api/account', { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => {
        if (response.status === 401) return setLoaded('signed-out');
        if (!response.ok) return;
        const { user } = (await response.json()) as { user: { name: string | null; email: string; role: string } };
        setLoaded({ label: user.name || user.email, isAdmin: user.role === 'ADMIN' });
      })
      .catch(() => {});
    return () => controller.abort();
  }, [initial]);
  const viewer = initial ?? loaded;
  if (viewer === 'signed-out') {
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
      <span className="text-slate-700 dark:text-slate-300" data-testid="signed-in-as">
        {viewer.label}
      </span>
    </>
  );
}
