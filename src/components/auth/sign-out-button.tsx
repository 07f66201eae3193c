'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';

// A link-like control in the header; a full button on the sign-out page.
export function SignOutButton({ variant = 'link' }: { variant?: 'link' | 'button' }) {
  const onClick = () => signOut({ callbackUrl: '/' });
  if (variant === 'button') {
    return (
      <Button type="button" onClick={onClick}>
        Sign out
      </Button>
    );
  }
  return (
    <button type="button" onClick={onClick} className="hover:underline">
      Sign out
    </button>
  );
}
