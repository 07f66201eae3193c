import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="text-slate-600 dark:text-slate-400">This area is for admins. If you think you should have access, ask an admin.</p>
      <Link href="/" className="text-indigo-700 hover:underline dark:text-indigo-300">Back to the question bank</Link>
    </div>
  );
}
