import Link from 'next/link';

// The body of a 404 page. Each route that can find nothing says what it looked for (a not-found.tsx
// beside its page); anything else gets the generic wording of src/app/not-found.tsx.
export function NotFoundMessage({ children, back = { href: '/', label: 'Back to the question bank' } }: { children: string; back?: { href: string; label: string } }) {
  return (
    <div className="space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">{children}</p>
      <Link href={back.href} className="text-indigo-700 hover:underline dark:text-indigo-300">{back.label}</Link>
    </div>
  );
}
