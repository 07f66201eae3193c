import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">That topic or question does not exist, or is no longer published.</p>
      <Link href="/" className="text-indigo-700 hover:underline dark:text-indigo-300">Back to the question bank</Link>
    </div>
  );
}
