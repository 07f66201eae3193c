import type { Metadata } from 'next';
import Link from 'next/link';

// Without its own title a 404 tab kept the home page's ("Rehearse — interview practice…"); the
// layout's template makes this "Page not found · Rehearse".
export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">That topic or question does not exist, or is no longer published.</p>
      <Link href="/" className="text-indigo-700 hover:underline dark:text-indigo-300">Back to the question bank</Link>
    </div>
  );
}
