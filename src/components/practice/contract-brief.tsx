import { Markdown } from '@/components/ui/markdown';

// A code question's brief: how the answer is called and what is checked (never the hidden tests).
// Shown on the question page (under its h1, an h2) and in a mock interview (under the question's
// h2, an h3).
export function ContractBrief({ brief, id, level = 2 }: { brief: string; id: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" data-testid="contract-brief">
      <Heading id={id} className="mb-2 text-lg font-semibold">The contract your answer is tested against</Heading>
      <Markdown headingLevel={level === 2 ? 3 : 4}>{brief}</Markdown>
    </section>
  );
}
