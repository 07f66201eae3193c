import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/ui/not-found-message';

// Without its own title a 404 tab kept the home page's ("Rehearse — interview practice…"); the
// layout's template makes this "Page not found · Rehearse".
export const metadata: Metadata = { title: 'Page not found' };

// Any address without a more specific not-found.tsx (a mistyped path, an admin record): words that
// fit them all, not "That topic or question does not exist" for an attempt or a role.
export default function NotFound() {
  return <NotFoundMessage>There is nothing at this address. It may have been mistyped, moved or removed.</NotFoundMessage>;
}
