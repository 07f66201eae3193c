import Link from 'next/link';

const SECTIONS = [
  ['/admin', 'Dashboard'],
  ['/admin/questions', 'Questions'],
  ['/admin/topics', 'Topics'],
  ['/admin/audit', 'Audit log'],
  ['/admin/users', 'Users'],
] as const;

// The admin area's own navigation; `current` marks the page for screen readers too.
export function AdminNav({ current }: { current: (typeof SECTIONS)[number][0] }) {
  return (
    <nav aria-label="Admin sections" className="border-b border-slate-200 pb-3 dark:border-slate-800">
      <ul className="flex flex-wrap gap-2 text-sm">
        {SECTIONS.map(([href, label]) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={href === current ? 'page' : undefined}
              className="rounded-lg px-3 py-1.5 hover:bg-slate-100 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white dark:hover:bg-slate-800"
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
